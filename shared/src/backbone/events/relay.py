"""The outbox relay: publishes unpublished outbox rows to Kafka, in order, then marks them.

One relay per service is active at a time (a Postgres advisory lock elects it); the others
wait as standbys. It wakes on ``LISTEN/NOTIFY`` and polls as a fallback. A crash between
publishing and marking re-sends rows with the same event id, which consumers dedupe.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from datetime import UTC, datetime

import asyncpg
import structlog
from aiokafka import AIOKafkaProducer
from aiokafka.partitioner import murmur2
from aiokafka.producer.message_accumulator import BatchBuilder
from opentelemetry import trace

from backbone import metrics
from backbone.events.envelope import CloudEvent
from backbone.events.kafka import make_producer
from backbone.events.outbox import NOTIFY_CHANNEL
from backbone.settings import BaseServiceSettings
from backbone.telemetry import context_from_traceparent, current_traceparent, tracer

log = structlog.get_logger(__name__)

RELAY_LOCK_KEY = 0x6261636B626F6E65  # "backbone" as an int64: one relay per database
METRICS_EVERY_S = 5.0
PRUNE_EVERY_S = 60.0

_FETCH = """
SELECT id, topic, key, type, source, subject, dataschema, tenant, initiative,
       traceparent, payload::text AS payload, created_at
FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1
"""


class PublishError(RuntimeError):
    pass


class OutboxRelay:
    def __init__(self, settings: BaseServiceSettings) -> None:
        self.settings = settings
        self.is_leader = False
        self._wake = asyncio.Event()
        self._last_metrics = 0.0
        self._last_prune = 0.0

    async def run(self) -> None:
        """Relay forever (until cancelled), reconnecting after database or broker failures."""
        backoff = 0.2
        while True:
            try:
                await self._run_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("outbox relay interrupted", error=repr(exc), retry_in_s=backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)
            else:
                backoff = 0.2

    async def _run_once(self) -> None:
        conn: asyncpg.Connection = await asyncpg.connect(self.settings.asyncpg_dsn)
        try:
            # Standby: poll for leadership (another process holds the lock).
            while not await conn.fetchval("SELECT pg_try_advisory_lock($1)", RELAY_LOCK_KEY):  # noqa: ASYNC110
                await asyncio.sleep(self.settings.outbox_poll_interval_s)
            self.is_leader = True
            await conn.add_listener(NOTIFY_CHANNEL, lambda *_: self._wake.set())
            producer = make_producer(self.settings)
            await producer.start()
            try:
                await self._lead(conn, producer)
            finally:
                await producer.stop()
        finally:
            self.is_leader = False
            await conn.close(timeout=2)

    async def _lead(self, conn: asyncpg.Connection, producer: AIOKafkaProducer) -> None:
        while True:
            self._wake.clear()
            while await self._publish_round(conn, producer):
                pass
            await self._maintain(conn)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.settings.outbox_poll_interval_s)

    def _headers(self, row: asyncpg.Record) -> list[tuple[str, bytes]]:
        """CloudEvent headers, with a producer span continuing the writer's trace."""
        with tracer.start_as_current_span(
            f"publish {row['type']}",
            context=context_from_traceparent(row["traceparent"]),
            kind=trace.SpanKind.PRODUCER,
        ):
            return CloudEvent(
                id=row["id"], source=row["source"], type=row["type"], subject=row["subject"],
                time=row["created_at"], dataschema=row["dataschema"], tenant=row["tenant"],
                initiative=row["initiative"],
                traceparent=current_traceparent() or row["traceparent"], data={},
            ).headers()

    async def _publish_round(self, conn: asyncpg.Connection, producer: AIOKafkaProducer) -> bool:
        """Publish the oldest unpublished rows; True when more are waiting.

        Each partition gets exactly one batch per round, which the broker stores or rejects
        as a whole: a failed round is retried from its first row, so a later event of a key
        can never overtake an earlier one (even without an idempotent producer).
        """
        rows = await conn.fetch(_FETCH, self.settings.outbox_batch_size)
        if not rows:
            return False
        batches: dict[tuple[str, int], tuple[BatchBuilder, list[uuid.UUID]]] = {}
        full: set[tuple[str, int]] = set()
        partitions: dict[str, list[int]] = {}
        for row in rows:
            topic, key = row["topic"], row["key"].encode()
            if topic not in partitions:
                partitions[topic] = sorted(await producer.partitions_for(topic))
            tp = (topic, partitions[topic][(murmur2(key) & 0x7FFFFFFF) % len(partitions[topic])])
            if tp in full:
                continue  # the rest of this partition waits for the next round, in order
            batch, ids = batches.setdefault(tp, (producer.create_batch(), []))
            if batch.append(key=key, value=row["payload"].encode(), timestamp=None,
                            headers=self._headers(row)) is None:
                full.add(tp)
                continue
            ids.append(row["id"])
        sent = [(ids, await producer.send_batch(batch, tp[0], partition=tp[1]))
                for tp, (batch, ids) in batches.items() if ids]
        results = await asyncio.gather(*(future for _, future in sent), return_exceptions=True)
        done = [i for (ids, _), result in zip(sent, results, strict=True)
                if not isinstance(result, BaseException) for i in ids]
        if done:
            await conn.execute(
                "UPDATE outbox SET published_at = now() WHERE id = ANY($1::uuid[])", done)
            metrics.OUTBOX_PUBLISHED.inc(len(done))
        failures = [r for r in results if isinstance(r, BaseException)]
        if failures:
            metrics.OUTBOX_PUBLISH_FAILURES.inc()
            raise PublishError(f"{len(failures)} partition batch(es) failed: {failures[0]!r}")
        return len(rows) == self.settings.outbox_batch_size or bool(full)

    async def _maintain(self, conn: asyncpg.Connection) -> None:
        """Backlog metrics and pruning, on their own clocks (not on the hot path)."""
        if time.monotonic() - self._last_metrics < METRICS_EVERY_S:
            return
        self._last_metrics = time.monotonic()
        backlog, oldest = await conn.fetchrow(
            "SELECT count(*), min(created_at) FROM outbox WHERE published_at IS NULL"
        )
        metrics.OUTBOX_BACKLOG.set(backlog)
        age = (datetime.now(UTC) - oldest).total_seconds() if oldest else 0.0
        metrics.OUTBOX_OLDEST_AGE.set(age)
        if time.monotonic() - self._last_prune > PRUNE_EVERY_S:
            self._last_prune = time.monotonic()
            await conn.execute(
                "DELETE FROM outbox WHERE published_at < now() - make_interval(secs => $1)",
                self.settings.outbox_retention_hours * 3600,
            )
