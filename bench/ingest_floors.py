"""The floors the ingest benchmark (``ingest.py``) measures beside the endpoint, in the same
run, with no HTTP, checks or history: storing the rows (``executemany``, alone and with an
event row each; COPY into a staging table, then one upsert writing an event row each),
sending an event per row to the broker, and publishing events from an outbox table."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

import asyncpg
from aiokafka import AIOKafkaProducer
from aiokafka.partitioner import murmur2
from cpu import Usage

from backbone.devstack.infra import Infrastructure
from backbone.events.envelope import CloudEvent, kafka_headers
from backbone.events.kafka import ensure_topics, make_producer
from backbone.events.relay import RELAY_SESSION


async def raw_executemany(dsn: str, rows: list[dict[str, Any]]) -> tuple[float, float]:
    """The same rows into a plain table with the same key, one executemany: rows/s; then
    again with an event row per row beside it in the same transaction (what acceptance
    needs under the transactional outbox): rows/s."""
    conn = await asyncpg.connect(dsn)
    await conn.execute("""
        CREATE TABLE raw_observations (
            id uuid PRIMARY KEY, indicator text, period text, cell jsonb, geography text,
            value float8, UNIQUE (indicator, period, cell, geography));
        CREATE TABLE raw_events (
            id uuid PRIMARY KEY, seq bigserial, key text, type text, payload jsonb,
            created_at timestamptz DEFAULT now())""")
    records = [(uuid.uuid4(), r["indicator"], r["period"], json.dumps(r["disaggregation"]),
                r["geography"], r["value"]) for r in rows]
    insert = "INSERT INTO raw_observations VALUES ($1, $2, $3, $4, $5, $6)"
    started = time.perf_counter()
    await conn.executemany(insert, records)
    alone = len(rows) / (time.perf_counter() - started)
    await conn.execute("TRUNCATE raw_observations")
    events = [(uuid.uuid4(), r[1], "observation.recorded", json.dumps({**row, "id": str(r[0])}))
              for r, row in zip(records, rows, strict=True)]
    started = time.perf_counter()
    async with conn.transaction():
        await conn.executemany(insert, records)
        await conn.executemany("INSERT INTO raw_events (id, key, type, payload)"
                               " VALUES ($1, $2, $3, $4)", events)
    with_events = len(rows) / (time.perf_counter() - started)
    await conn.execute("DROP TABLE raw_observations, raw_events")
    await conn.close()
    return alone, with_events


_COPY_TABLES = """
    CREATE TABLE copy_observations (
        id uuid PRIMARY KEY, indicator text, period text, cell jsonb, geography text,
        value float8, UNIQUE (indicator, period, cell, geography));
    CREATE TABLE copy_events (
        id uuid PRIMARY KEY, seq bigserial, key text, type text, payload jsonb,
        created_at timestamptz DEFAULT now())"""
_UPSERT_WITH_EVENTS = """
    WITH written AS (
        INSERT INTO copy_observations
        SELECT id, indicator, period, cell, geography, value FROM copy_staging
        ON CONFLICT (indicator, period, cell, geography) DO UPDATE SET value = excluded.value
        RETURNING id, indicator, period, cell, geography, value)
    INSERT INTO copy_events (id, key, type, payload)
    SELECT gen_random_uuid(), indicator, 'observation.recorded',
           jsonb_build_object('id', id, 'indicator', indicator, 'period', period,
                              'cell', cell, 'geography', geography, 'value', value)
    FROM written"""


async def raw_copy(dsn: str, rows: list[dict[str, Any]],
                   meter: Callable[[], Usage]) -> list[tuple[float, Usage]]:
    """The COPY floor: the rows copied into a staging table, then one statement upserts
    them and writes an event row for each, all in one transaction: rows/s and the CPU
    spent, for new rows, then for the same rows again with every value changed (each one
    a correction)."""
    conn = await asyncpg.connect(dsn)
    await conn.execute(_COPY_TABLES)
    results = []
    for change in (0, 1):
        records = [(uuid.uuid4(), r["indicator"], r["period"],
                    json.dumps(r["disaggregation"]), r["geography"], r["value"] + change)
                   for r in rows]
        started, before = time.perf_counter(), meter()
        async with conn.transaction():
            await conn.execute("CREATE TEMPORARY TABLE copy_staging (id uuid, indicator text,"
                               " period text, cell jsonb, geography text, value float8)"
                               " ON COMMIT DROP")
            await conn.copy_records_to_table("copy_staging", records=records)
            await conn.execute(_UPSERT_WITH_EVENTS)
        results.append((len(rows) / (time.perf_counter() - started), meter() - before))
    await conn.execute("DROP TABLE copy_observations, copy_events")
    await conn.close()
    return results


RAW_TOPIC = "bench.raw.v1"


async def _raw_producer(infra: Infrastructure, initiative: str) -> tuple[AIOKafkaProducer, int]:
    """A producer as the relay makes it, and the partition of the initiative's key."""
    settings = infra.settings("bench")
    await ensure_topics(infra.bootstrap_servers, [RAW_TOPIC], settings.kafka_topic_partitions)
    producer = make_producer(settings)
    await producer.start()
    partitions = sorted(await producer.partitions_for(RAW_TOPIC))
    return producer, partitions[(murmur2(initiative.encode()) & 0x7FFFFFFF) % len(partitions)]


async def _send(producer: AIOKafkaProducer, partition: int,
                messages: Iterable[dict[str, Any]]) -> None:
    """In full batches, one after the other, each once the broker has stored the last."""
    batch = producer.create_batch()
    for message in messages:
        if batch.append(**message) is None:
            batch.close()
            await (await producer.send_batch(batch, RAW_TOPIC, partition=partition))
            batch = producer.create_batch()
            batch.append(**message)
    batch.close()
    await (await producer.send_batch(batch, RAW_TOPIC, partition=partition))


def _event_data(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "id": str(uuid.uuid4()), "status": "submitted", "version": 1}


async def raw_produce(infra: Infrastructure, rows: list[dict[str, Any]],
                      meter: Callable[[], Usage]) -> tuple[float, Usage]:
    """One CloudEvent per row, in batches as the relay builds them: events/s and the CPU
    spent (the client's, building and sending them, and the broker's).

    All rows share one key (the initiative), so they go to one partition, batch by batch.
    """
    initiative = str(uuid.uuid4())
    events = [CloudEvent(id=uuid.uuid4(), source="/backbone/measurement",
                         type="org.backbone.measurement.observation.recorded",
                         subject=str(uuid.uuid4()), time=datetime.now(UTC), dataschema="",
                         tenant="bench", initiative=initiative, traceparent=None,
                         data=_event_data(row))
              for row in rows]
    producer, partition = await _raw_producer(infra, initiative)
    started, before = time.perf_counter(), meter()
    await _send(producer, partition, ({"key": initiative.encode(), "value": event.value(),
                                       "timestamp": None, "headers": event.headers()}
                                      for event in events))
    elapsed, spent = time.perf_counter() - started, meter() - before
    await producer.stop()
    return len(rows) / elapsed, spent


_OUTBOX_TABLE = """
    CREATE TABLE raw_outbox (
        id uuid PRIMARY KEY, seq bigserial, key text, type text, subject text,
        payload jsonb, created_at timestamptz DEFAULT now(), published_at timestamptz);
    CREATE INDEX ON raw_outbox (seq) WHERE published_at IS NULL"""
_UNPUBLISHED = """
    SELECT id, key, type, subject, payload::text AS payload, created_at FROM raw_outbox
    WHERE published_at IS NULL ORDER BY seq LIMIT 2000"""


async def raw_outbox_publish(infra: Infrastructure, dsn: str, rows: list[dict[str, Any]],
                             meter: Callable[[], Usage]) -> tuple[float, Usage]:
    """The floor of publishing from an outbox: an event row per row (stored beforehand),
    read 2,000 at a time by ``seq``, sent in batches as the relay sends them, and marked
    published by id: events/s and the CPU spent (this client's, PostgreSQL's, the
    broker's)."""
    conn = await asyncpg.connect(dsn, server_settings=RELAY_SESSION)
    await conn.execute(_OUTBOX_TABLE)
    initiative = str(uuid.uuid4())
    observation_type = "org.backbone.measurement.observation.recorded"
    await conn.copy_records_to_table(
        "raw_outbox", columns=["id", "key", "type", "subject", "payload"],
        records=[(uuid.uuid4(), initiative, observation_type, str(uuid.uuid4()),
                  json.dumps(_event_data(row))) for row in rows])
    await conn.execute("VACUUM ANALYZE raw_outbox")
    producer, partition = await _raw_producer(infra, initiative)
    started, before = time.perf_counter(), meter()
    while events := await conn.fetch(_UNPUBLISHED):
        await _send(producer, partition, (
            {"key": e["key"].encode(), "value": e["payload"].encode(), "timestamp": None,
             "headers": kafka_headers(
                 id=e["id"], source="/backbone/measurement", type=e["type"],
                 subject=e["subject"], time=e["created_at"], dataschema="", tenant="bench",
                 initiative=initiative, traceparent=None, actor=None, actororg=None)}
            for e in events))
        await conn.execute("UPDATE raw_outbox SET published_at = now() WHERE id = ANY($1)",
                           [e["id"] for e in events])
    elapsed, spent = time.perf_counter() - started, meter() - before
    await producer.stop()
    await conn.execute("DROP TABLE raw_outbox")
    await conn.close()
    return len(rows) / elapsed, spent
