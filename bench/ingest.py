"""Ingest benchmark: 100,000 observations through the measurement batch endpoint.

The measurement service runs as its own uvicorn process (relay included). Ten batches of
10,000 rows (10 indicators, five years of months, three dimensions, 14 places) are posted
with two requests in flight. Printed beside it, in the same run, with no HTTP, checks or
history: a raw asyncpg ``executemany`` of the same rows into a plain table, alone and
with an event row for each in the same transaction (the floor of accepting an
observation under the transactional outbox); the COPY floor: the rows copied into a
staging table, then one statement upserting them and writing an event row for each (new
rows, then every value changed); a raw aiokafka produce of one event per row, batched as
the relay does (the floor of sending them); and the floor of publishing from an outbox
table (event rows read by ``seq``, sent so, and marked published). Then the time from
the last response until all 100,000 observation events are published (the relay marks
an event once the broker has stored it), and a check that all are on
``backbone.measurement.v1``. Last, the same rows are sent again with every value changed
(each one a correction: a locked lookup, its earlier version archived, an update and a
revised event). For each floor and each endpoint run, the CPU time each process spent
per row (the service's request thread and its relay, PostgreSQL, Tansu, this client), the
endpoint's until all its events were published; and PostgreSQL's time by statement in
each endpoint run: what the time went on, measured in that run.

    .venv/bin/python bench/ingest.py [--rows 100000] [--in-flight 2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import asyncpg
import httpx
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.partitioner import murmur2
from cpu import Usage
from harness import running
from loadgen import p50_p99
from statements import SETTINGS as STATEMENT_STATISTICS
from statements import StatementTimes

from backbone.auth.tokens import mint_token
from backbone.contracts.agenda.events import INITIATIVE_CREATED
from backbone.devstack.infra import Infrastructure
from backbone.devstack.processes import ServiceProcess
from backbone.events.envelope import CloudEvent, kafka_headers
from backbone.events.kafka import ensure_topics, make_producer
from backbone.events.relay import RELAY_SESSION
from backbone.readmodels.agenda.feed import new_initiative
from backbone.readmodels.feeds import as_published
from measurement.app import SERVICE

BATCH = 10_000
DIMENSIONS = {
    "race": ["asian", "black", "latino", "native", "white"],
    "gender": ["female", "male"],
    "age": ["0-4", "5-9", "10-14", "15-19"],
}
PLACES = [f"tract-{i:02d}" for i in range(14)]


def make_rows(count: int) -> list[dict[str, Any]]:
    cells: list[dict[str, str]] = [{}]
    cells += [{d: o} for d, options in DIMENSIONS.items() for o in options]
    rows: list[dict[str, Any]] = []
    for indicator in range(10):
        for year in range(2021, 2026):
            for month in range(1, 13):
                for cell in cells:
                    for place in PLACES:
                        rows.append({"indicator": f"ind-{indicator}",
                                     "period": f"{year}-{month:02d}", "disaggregation": cell,
                                     "geography": place, "value": float(len(rows) % 500)})
                        if len(rows) == count:
                            return rows
    raise ValueError(f"at most {len(rows)} rows")


async def announce_initiative(infra: Infrastructure, tenant: str) -> str:
    """Publish agenda's initiative.created, as agenda would (measurement consumes it)."""
    state = new_initiative("Bench")
    event = as_published(tenant, INITIATIVE_CREATED, state, state.id)
    producer = AIOKafkaProducer(bootstrap_servers=infra.bootstrap_servers)
    await producer.start()
    await producer.send_and_wait(INITIATIVE_CREATED.topic, event.value(),
                                 key=str(state.id).encode(), headers=event.headers())
    await producer.stop()
    return str(state.id)


async def define(api: httpx.AsyncClient, initiative: str) -> None:
    """Wait for the initiative to arrive through Kafka, then define what is measured."""
    base = f"/v1/initiatives/{initiative}"
    while (await api.get(f"{base}/measurement-settings")).status_code == 404:  # noqa: ASYNC110
        await asyncio.sleep(0.2)
    ids = []
    for code, options in DIMENSIONS.items():
        r = await api.post(f"{base}/dimensions", json={
            "code": code, "name": code, "options": [{"code": o, "label": o} for o in options]})
        ids.append(r.json()["id"])
    for i in range(10):
        r = await api.post(f"{base}/indicators", json={
            "code": f"ind-{i}", "name": f"Indicator {i}", "unit": "count",
            "direction": "increase", "frequency": "monthly", "status": "active",
            "dimension_ids": ids})
        assert r.status_code == 201, r.text


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


TOPIC = "backbone.measurement.v1"


async def events_on_topic(bootstrap: str, initiative: str, event_type: str,
                          expected: int) -> int:
    """How many events of the type (e.g. ``observation.recorded``) the topic holds for the
    initiative, read from the start until ``expected`` were seen or none came for 10 s."""
    consumer = AIOKafkaConsumer(TOPIC, bootstrap_servers=bootstrap,
                                auto_offset_reset="earliest", fetch_max_wait_ms=20,
                                max_partition_fetch_bytes=8 * 1024 * 1024)
    await consumer.start()
    seen, suffix = 0, event_type.encode()
    try:
        while seen < expected:
            batches = await consumer.getmany(timeout_ms=10_000, max_records=5000)
            if not batches:
                break
            for records in batches.values():
                seen += sum(1 for r in records if r.key.decode() == initiative
                            and dict(r.headers)["ce_type"].endswith(suffix))
        return seen
    finally:
        await consumer.stop()


async def relay_backend_pid(dsn: str) -> int:
    """The PostgreSQL backend of the service's outbox relay (its connection is named)."""
    conn = await asyncpg.connect(dsn)
    try:
        pid = await conn.fetchval("SELECT pid FROM pg_stat_activity WHERE application_name"
                                  " LIKE 'measurement relay %' AND datname = current_database()")
    finally:
        await conn.close()
    if pid is None:
        raise RuntimeError("the service's relay has no connection")
    return int(pid)


async def outbox_drained(dsn: str) -> None:
    """Until the service's relay has published every event written: it marks an event
    published once the broker has stored it (``acks=all``)."""
    conn = await asyncpg.connect(dsn)
    try:
        while await conn.fetchval(  # noqa: ASYNC110 - the database's state, polled
                "SELECT EXISTS (SELECT FROM outbox WHERE published_at IS NULL)"):
            await asyncio.sleep(0.02)
    finally:
        await conn.close()


def batches(rows: list[dict[str, Any]]) -> list[bytes]:
    return [json.dumps({"rows": rows[i:i + BATCH]}).encode() for i in range(0, len(rows), BATCH)]


async def ingest(url: str, token: str, initiative: str, bodies: list[bytes], in_flight: int,
                 outcome: str) -> tuple[float, list[float], float]:
    """The bodies posted, ``in_flight`` at a time: obs/s, request latencies, and when the
    last response came."""
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    latencies: list[float] = []
    queue = list(bodies)
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=120) as api:
        async def worker() -> None:
            while queue:
                body = queue.pop(0)
                started = time.perf_counter()
                r = await api.post(f"/v1/initiatives/{initiative}/observations/batch",
                                   content=body)
                latencies.append(time.perf_counter() - started)
                assert r.status_code == 200, r.text[:500]
                assert r.json()["summary"][outcome] == BATCH

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(in_flight)))
        finished = time.perf_counter()
    return len(bodies) * BATCH / (finished - started), latencies, finished


async def ingest_published(
    infra: Infrastructure, dsn: str, url: str, token: str, initiative: str,
    rows: list[dict[str, Any]], in_flight: int, outcome: str, event_type: str,
    meter: Callable[[], Usage], statements: StatementTimes,
) -> tuple[float, list[float], str, Usage, list[str]]:
    """The rows through the endpoint; obs/s, request latencies, when all their events were
    published (then read back from the topic, to be sure), and the CPU spent until then,
    publishing included. The bench polls the outbox only after the last response, and
    reads the topic only after that: while the endpoint runs, the client spends nothing
    on the cores the service shares but sending the requests."""
    bodies = batches(rows)
    await statements.reset()
    before = meter()
    rate, latencies, finished = await ingest(url, token, initiative, bodies, in_flight,
                                             outcome)
    written = meter()
    try:
        async with asyncio.timeout(120):
            await outbox_drained(dsn)
        lag = f"{time.perf_counter() - finished:.2f} s after the last response"
    except TimeoutError:
        lag = "NOT within 120 s"
    # The processes' CPU until the events were all published (and stored by the broker);
    # this client's until the last response (then it polled and read the topic).
    spent = replace(meter() - before, client=(written - before).client)
    by_statement = await statements.report(len(rows))
    on_topic = await events_on_topic(infra.bootstrap_servers, initiative, event_type,
                                     len(rows))
    if on_topic != len(rows):
        lag += f", but {on_topic:,} of them on the topic"
    return rate, latencies, lag, spent, by_statement


async def run(infra: Infrastructure, process: ServiceProcess, count: int,
              in_flight: int) -> None:
    rows = make_rows(count)
    settings = infra.settings("bench")
    token = mint_token(settings, sub="bench", tenant="bench", roles=["network:admin"])
    dsn = infra.settings("measurement").owner_asyncpg_dsn

    relay_backend = await relay_backend_pid(dsn)

    def meter() -> Usage:
        return Usage.now(infra, process.pid, relay_backend)

    raw_rate, stored_rate = await raw_executemany(dsn, rows)
    (copy_rate, copy_cpu), (copy_corrected_rate, copy_corrected_cpu) = await raw_copy(
        dsn, rows, meter)
    produce_rate, produce_cpu = await raw_produce(infra, rows, meter)
    relay_rate, relay_cpu = await raw_outbox_publish(infra, dsn, rows, meter)
    initiative = await announce_initiative(infra, "bench")
    async with httpx.AsyncClient(base_url=process.url,
                                 headers={"Authorization": f"Bearer {token}"},
                                 timeout=60) as api:
        await define(api, initiative)
    statements = StatementTimes(infra.database_url,
                                infra.settings("measurement").effective_database_name)
    rate, latencies, lag, cpu, new_statements = await ingest_published(
        infra, dsn, process.url, token, initiative, rows, in_flight, "created",
        "observation.recorded", meter, statements)
    for row in rows:
        row["value"] += 1
    (corrected_rate, corrected_latencies, corrected_lag, corrected_cpu,
     corrected_statements) = await ingest_published(
        infra, dsn, process.url, token, initiative, rows, in_flight, "updated",
        "observation.revised", meter, statements)
    print(f"{count:,} observations in batches of {BATCH:,}, {in_flight} in flight; "
          "2 cores shared by PostgreSQL, Tansu, the service and this client")
    print(f"raw asyncpg executemany (same rows)   {raw_rate:10,.0f} rows/s")
    print(f"raw, with an event row each (one tx)   {stored_rate:10,.0f} rows/s")
    print(f"raw COPY, upsert + event rows (one tx) {copy_rate:10,.0f} rows/s new, "
          f"{copy_corrected_rate:,.0f} rows/s corrected")
    print(f"raw aiokafka produce, an event per row {produce_rate:10,.0f} events/s")
    print(f"raw outbox publish: read, send, mark   {relay_rate:10,.0f} events/s")
    print(f"measurement batch endpoint over HTTP  {rate:10,.0f} obs/s  "
          f"({rate / stored_rate:.2f}x the executemany floor, {rate / copy_rate:.2f}x the "
          f"COPY floor)  {_percentiles(latencies)}")
    print(f"all {count:,} observation.recorded events published on {TOPIC}: {lag}")
    print(f"the same rows again, every value changed {corrected_rate:10,.0f} obs/s  "
          f"({corrected_rate / copy_corrected_rate:.2f}x the COPY floor for corrections)  "
          f"{_percentiles(corrected_latencies)}")
    print(f"all {count:,} observation.revised events published: {corrected_lag}")
    print("CPU per row (µs), by process, in this run (the endpoint's until its events were "
          "all published):")
    for name, usage in (("COPY floor, new", copy_cpu),
                        ("COPY floor, corrected", copy_corrected_cpu),
                        ("raw produce, per event", produce_cpu),
                        ("raw outbox publish", relay_cpu),
                        ("endpoint, new", cpu), ("endpoint, corrected", corrected_cpu)):
        print(f"  {name:<24} {usage.per_item(count)}")
    for name, lines in (("new", new_statements), ("corrected", corrected_statements)):
        print(f"PostgreSQL's time per observation by statement, endpoint, {name} "
              "(pg_stat_statements: execution and planning, in elapsed time, which on "
              "busy cores includes waiting for one):")
        for line in lines:
            print(f"  {line}")


def _percentiles(latencies: list[float]) -> str:
    p50, p99 = p50_p99(latencies)
    return f"per request p50 {p50 * 1000:,.0f} ms, p99 {p99 * 1000:,.0f} ms"


def main(count: int, in_flight: int) -> None:
    with running(SERVICE, postgres_settings=STATEMENT_STATISTICS) as (infra, process):
        asyncio.run(run(infra, process, count, in_flight))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--in-flight", type=int, default=2)
    args = parser.parse_args()
    main(args.rows, args.in_flight)
