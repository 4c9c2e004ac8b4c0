"""The outbox relay: publishes unpublished outbox rows to Kafka, in order, then marks them.

One relay per service is active at a time (a Postgres advisory lock elects it); the others
wait as standbys. It wakes on ``LISTEN/NOTIFY`` and polls as a fallback. Woken while it was
publishing, it lingers briefly before the next round (``outbox_linger_s``), as a Kafka
producer's ``linger.ms`` does: under a steady stream of writes each round then takes
several events instead of one or two. A crash between publishing and marking re-sends
rows with the same event id, which consumers dedupe.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
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
from backbone.db import ALL_TENANTS, TENANT_SETTING
from backbone.events.envelope import kafka_headers
from backbone.events.kafka import make_producer
from backbone.events.outbox import NOTIFY_CHANNEL
from backbone.settings import BaseServiceSettings
from backbone.telemetry import (
    context_from_traceparent,
    current_traceparent,
    records_spans,
    tracer,
)

log = structlog.get_logger(__name__)

RELAY_LOCK_KEY = 0x6261636B626F6E65  # "backbone" as an int64: one relay per database
METRICS_EVERY_S = 5.0
PRUNE_EVERY_S = 60.0

# The relay's own connection runs a few known query shapes, each with an index made for it
# (unpublished rows by seq, rows by id, published rows by age). Right after a bulk write
# the table's statistics still say "a few rows", and the planner would scan the table and
# sort (on disk, for 100,000 rows) to return the first 2,000, or scan it to mark 2,000
# rows published. So the plans that compete with those index scans are switched off.
RELAY_SESSION = {"enable_sort": "off", "enable_bitmapscan": "off", "enable_seqscan": "off",
                 "jit": "off", TENANT_SETTING: ALL_TENANTS}  # every tenant's events

_FETCH = """
SELECT id, topic, key, type, source, subject, dataschema, tenant, initiative,
       traceparent, actor, actor_org, payload::text AS payload, created_at
FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1
"""


class PublishError(RuntimeError):
    pass


LEADER = """
SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND (l.classid::bigint << 32 | l.objid::bigint) = $1
"""
"""The leading relay's ``application_name`` (``relay_name``), with ``RELAY_LOCK_KEY``."""


def relay_name(service: str) -> str:
    """The relay connection's ``application_name``: which process (pod) it is, so that
    ``pg_locks`` joined with ``pg_stat_activity`` shows which one leads."""
    return f"{service} relay {socket.gethostname()}:{os.getpid()}"[:63]



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
        conn: asyncpg.Connection = await asyncpg.connect(
            self.settings.asyncpg_dsn, server_settings={
                **RELAY_SESSION, "application_name": relay_name(self.settings.service_name)})
        try:
            # Standby: poll for leadership (another process holds the lock).
            while not await conn.fetchval("SELECT pg_try_advisory_lock($1)", RELAY_LOCK_KEY):  # noqa: ASYNC110
                await asyncio.sleep(self.settings.outbox_poll_interval_s)
            self.is_leader = True
            await conn.add_listener(NOTIFY_CHANNEL, lambda *_: self._wake.set())
            producer = make_producer(self.settings)
            try:  # stopped even when cancelled while it starts
                await producer.start()
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
            if self._wake.is_set():
                # Events were written while this round ran: the writers are busy. Let the
                # next round gather more of them (fewer round trips per event).
                await asyncio.sleep(self.settings.outbox_linger_s)
                continue
            # Not asyncio.wait_for: on Python 3.11 it swallows a cancellation that arrives
            # as the wake-up does, and the relay would never stop.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.settings.outbox_poll_interval_s):
                    await self._wake.wait()

    @staticmethod
    def _headers(row: asyncpg.Record, traceparent: str | None) -> list[tuple[str, bytes]]:
        return kafka_headers(
            id=row["id"], source=row["source"], type=row["type"], subject=row["subject"],
            time=row["created_at"], dataschema=row["dataschema"], tenant=row["tenant"],
            initiative=row["initiative"], traceparent=traceparent, actor=row["actor"],
            actororg=row["actor_org"])

    @staticmethod
    def _publish_spans(rows: list[asyncpg.Record]) -> dict[str | None, str | None]:
        """One producer span per writer's trace in this round (a bulk write is one trace),
        continuing it; maps each writer traceparent to the one the events carry. Where no
        span is recorded, none is built: the events carry their writer's traceparent."""
        carried: dict[str | None, str | None] = {None: None}
        if not records_spans():
            return carried | {row["traceparent"]: row["traceparent"] for row in rows}
        for row in rows:
            parent = row["traceparent"]
            if parent in carried:
                continue
            with tracer.start_as_current_span(
                f"publish {row['topic']}", context=context_from_traceparent(parent),
                kind=trace.SpanKind.PRODUCER,
            ):
                carried[parent] = current_traceparent() or parent
        return carried

    async def _publish_round(self, conn: asyncpg.Connection, producer: AIOKafkaProducer) -> bool:
        """Publish the oldest unpublished rows; True when more may be waiting.

        Partitions are sent to in parallel; the batches of one partition one after the
        other, each only once the broker has stored the previous one. A failure stops that
        partition's sending, and the round is retried from its first unsent row: a later
        event of a key never overtakes an earlier one (even without an idempotent producer).
        """
        rows = await conn.fetch(_FETCH, self.settings.outbox_batch_size)
        if not rows:
            return False
        carried = self._publish_spans(rows)
        queues: dict[tuple[str, int], list[tuple[BatchBuilder, list[uuid.UUID]]]] = {}
        partitions: dict[str, list[int]] = {}
        placed: dict[tuple[str, str], tuple[str, int]] = {}
        for row in rows:
            topic, key = row["topic"], row["key"]
            tp = placed.get((topic, key))
            if tp is None:
                if topic not in partitions:
                    partitions[topic] = sorted(await producer.partitions_for(topic))
                choices = partitions[topic]
                tp = (topic, choices[(murmur2(key.encode()) & 0x7FFFFFFF) % len(choices)])
                placed[(topic, key)] = tp
            queue = queues.setdefault(tp, [])
            message = {"key": key.encode(), "value": row["payload"].encode(), "timestamp": None,
                       "headers": self._headers(row, carried[row["traceparent"]])}
            if not queue or queue[-1][0].append(**message) is None:
                queue.append((producer.create_batch(), []))
                if queue[-1][0].append(**message) is None:
                    raise PublishError(f"event {row['id']} does not fit in a batch")
            queue[-1][1].append(row["id"])
        results = await asyncio.gather(*(self._send_in_order(producer, tp, queue)
                                         for tp, queue in queues.items()))
        done = [i for sent, _ in results for i in sent]
        if done:
            await conn.execute(
                "UPDATE outbox SET published_at = now() WHERE id = ANY($1::uuid[])", done)
            metrics.OUTBOX_PUBLISHED.inc(len(done))
        failures = [error for _, error in results if error is not None]
        if failures:
            metrics.OUTBOX_PUBLISH_FAILURES.inc()
            raise PublishError(f"{len(failures)} partition(s) failed: {failures[0]!r}")
        return len(rows) == self.settings.outbox_batch_size

    @staticmethod
    async def _send_in_order(
        producer: AIOKafkaProducer, tp: tuple[str, int],
        queue: list[tuple[BatchBuilder, list[uuid.UUID]]],
    ) -> tuple[list[uuid.UUID], BaseException | None]:
        """Send one partition's batches in turn; the ids stored, and the error if any."""
        sent: list[uuid.UUID] = []
        for batch, ids in queue:
            batch.close()  # complete: a closed batch is sent at once, without lingering
            try:
                await (await producer.send_batch(batch, tp[0], partition=tp[1]))
            except Exception as exc:
                return sent, exc
            sent.extend(ids)
        return sent, None

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
