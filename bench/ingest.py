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
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import asyncpg
import httpx
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from cpu import Usage
from harness import running
from ingest_floors import raw_copy, raw_executemany, raw_outbox_publish, raw_produce
from loadgen import p50_p99
from statements import SETTINGS as STATEMENT_STATISTICS
from statements import StatementTimes

from backbone.auth.tokens import mint_token
from backbone.contracts.agenda.events import INITIATIVE_CREATED
from backbone.devstack.infra import Infrastructure
from backbone.devstack.processes import ServiceProcess
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
