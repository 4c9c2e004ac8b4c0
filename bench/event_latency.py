"""Event benchmark: latency from a write's commit to the consumer's handler.

Writes go through the agenda service (its own uvicorn process) at a fixed rate; the outbox
relay publishes them; an EventConsumer (inbox transaction included) receives them in this
process. The raw baseline, measured in the same run on the same broker, is a plain aiokafka
producer to a plain aiokafka consumer at the same rate.

    .venv/bin/python bench/event_latency.py [--rate 100] [--seconds 20]

The event's ``time`` is taken when the outbox row is written, just before the commit, so
the figure slightly overstates commit-to-handler latency.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import time
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from multiprocessing.sharedctypes import Synchronized
from typing import Any

import httpx
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from harness import running
from loadgen import p50_p99
from sqlalchemy.ext.asyncio import AsyncSession

from agenda.app import SERVICE
from backbone.auth.tokens import mint_token
from backbone.contracts.agenda.events import DECISION_RECORDED
from backbone.db import create_sessionmaker
from backbone.devstack.infra import Infrastructure, consumer_database
from backbone.events.consumer import EventConsumer, Subscription
from backbone.events.envelope import CloudEvent
from backbone.events.kafka import ensure_topics


def summary(name: str, latencies_ms: list[float], baseline: list[float] | None = None) -> None:
    if not latencies_ms:
        print(f"{name:<34} n=    0  (nothing received)")
        return
    p50, p99 = p50_p99(latencies_ms)
    ratio = f"  p99 {p99 / p50_p99(baseline)[1]:.1f}x raw" if baseline else ""
    print(f"{name:<34} n={len(latencies_ms):5d}  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms{ratio}")


async def paced(rate: float, seconds: float, action: Callable[[int], Coroutine[Any, Any, None]]
                ) -> None:
    """Start ``action(i)`` at a fixed rate (not waiting for the previous one)."""
    tasks: list[asyncio.Task[None]] = []
    start, i = time.perf_counter(), 0
    while (now := time.perf_counter() - start) < seconds:
        tasks.append(asyncio.create_task(action(i)))
        i += 1
        await asyncio.sleep(max(0.0, i / rate - now))
    await asyncio.gather(*tasks)


async def raw_baseline(infra: Infrastructure, rate: float, seconds: float
                       ) -> tuple[list[float], int]:
    """Plain aiokafka, with the same fetch wait and acks as the services use: the latencies
    of the messages received within 30 s of the last send, and how many were sent."""
    settings = infra.settings("bench")
    bootstrap = infra.bootstrap_servers
    topic = "bench.raw"
    await ensure_topics(bootstrap, [topic], 3)
    sent: dict[bytes, float] = {}
    latencies: list[float] = []
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="latest",
                                fetch_max_wait_ms=settings.kafka_fetch_max_wait_ms)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=2)
    await consumer.start()
    await producer.start()
    await consumer.seek_to_end()

    expected = int(rate * seconds)

    async def receive() -> None:
        while len(latencies) < expected:
            for records in (await consumer.getmany(timeout_ms=100)).values():
                now = time.perf_counter()
                latencies.extend((now - sent[r.value]) * 1000 for r in records)

    async def send(i: int) -> None:
        value = str(i).encode()
        sent[value] = time.perf_counter()
        await producer.send_and_wait(topic, value, key=str(i % 10).encode())

    receiver = asyncio.create_task(receive())
    await paced(rate, seconds, send)
    done, _ = await asyncio.wait([receiver], timeout=30)
    if not done:  # reported by the caller, with how many were missing
        receiver.cancel()
        await asyncio.gather(receiver, return_exceptions=True)
    await producer.stop()
    await consumer.stop()
    return latencies, len(sent)


def write_decisions(agenda: str, token: str, initiative_id: str, rate: float,
                    seconds: float, written: Synchronized[int]) -> None:
    """The writers: a separate process, as clients are, so they don't slow the consumer.

    Requests start at the fixed rate, not waiting for responses; ``written`` counts the
    decisions stored. When the machine cannot keep up, fewer than ``rate * seconds`` are
    started and stored in the time, and the run says so.
    """

    async def run() -> None:
        headers = {"Authorization": f"Bearer {token}"}
        # Idle connections are dropped before uvicorn's 5 s keep-alive timeout closes them,
        # so a request never goes out on a connection the server is closing.
        limits = httpx.Limits(keepalive_expiry=2.0)
        async with httpx.AsyncClient(base_url=agenda, headers=headers, timeout=30,
                                     limits=limits) as api:
            async def write(i: int) -> None:
                response = await api.post(f"/v1/initiatives/{initiative_id}/decisions", json={
                    "title": f"Decision {i}", "method": "consensus", "decided_on": "2026-01-01"})
                assert response.status_code == 201, response.text
                with written.get_lock():
                    written.value += 1

            await paced(rate, seconds, write)

    asyncio.run(run())


async def backbone_path(infra: Infrastructure, agenda: str, rate: float,
                        seconds: float) -> tuple[list[float], int]:
    """The latencies of the decisions' events, and how many decisions were written."""
    settings, engine = await consumer_database(infra, "benchconsumer",
                                               kafka_session_timeout_ms=2000,
                                               kafka_heartbeat_interval_ms=300)
    latencies: list[float] = []

    async def handle(_: AsyncSession, event: CloudEvent, __: object) -> None:
        latencies.append((datetime.now(UTC) - event.time).total_seconds() * 1000)

    token = mint_token(settings, sub="bench", tenant="bench", roles=["network:admin"])
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=agenda, headers=headers, timeout=30) as api:
        initiative = (await api.post("/v1/initiatives", json={"name": "Bench"})).json()
        consumer = EventConsumer(settings, create_sessionmaker(engine),
                             [Subscription(DECISION_RECORDED, handle)])
        task = asyncio.create_task(consumer.run())
        await asyncio.sleep(3)  # join the group; the topic's backlog is read first
        latencies.clear()
        context = multiprocessing.get_context("spawn")
        written = context.Value("i", 0)
        writer = context.Process(target=write_decisions,
                                 args=(agenda, token, initiative["id"], rate, seconds, written))
        writer.start()
        await asyncio.to_thread(writer.join)
        deadline = time.monotonic() + 30
        while len(latencies) < written.value and time.monotonic() < deadline:  # noqa: ASYNC110
            await asyncio.sleep(0.1)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    await engine.dispose()
    return latencies, written.value


def main(rate: float, seconds: float) -> None:
    with running(SERVICE) as (infra, process):
        raw, sent = asyncio.run(raw_baseline(infra, rate, seconds))
        backbone, written = asyncio.run(backbone_path(infra, process.url, rate, seconds))
    print(f"{rate:.0f} writes/s for {seconds:.0f} s, Tansu broker, 2 cores shared by all")
    if len(raw) < sent:
        print(f"raw baseline: {sent - len(raw)} of {sent} messages not received within "
              "30 s of the last send (the figures below are of those received)")
    if raw:
        summary("raw produce -> consume", raw)
    summary("commit -> outbox -> relay -> handler", backbone, raw or None)
    print(f"writes made: {written} of {rate * seconds:.0f}")
    if written < rate * seconds:
        print(f"only {written} of {rate * seconds:.0f} writes were made "
              f"({written / seconds:.0f}/s): the machine could not keep up with the rate")
    if len(backbone) < written:
        print(f"events not received within 30 s: {written - len(backbone)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=100)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    main(args.rate, args.seconds)
