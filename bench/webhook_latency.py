"""Webhook benchmark: latency from an event on agenda's topic to its signed webhook received.

Events are produced onto ``backbone.agenda.v1`` at a fixed rate, as agenda publishes them;
the notifications service (its own uvicorn process) consumes them, stores a delivery for
its one endpoint, and its worker POSTs each, signed, to a receiver in this process on
loopback. The raw baseline, in the same run on the same broker: a plain aiokafka consumer
that POSTs every message with httpx to the same receiver (no database, no signing).

    .venv/bin/python bench/webhook_latency.py [--rate 100] [--seconds 20] [--split]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from pathlib import Path

import httpx
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from event_latency import paced, summary
from harness import UNLIMITED, running

from backbone.auth.tokens import mint_token
from backbone.contracts.agenda.events import INITIATIVE_UPDATED
from backbone.devstack.infra import Infrastructure
from backbone.devstack.ports import free_port
from backbone.devstack.processes import ServiceProcess
from backbone.devstack.stack import LOCAL_ONLY
from backbone.events.kafka import ensure_topics
from backbone.readmodels.agenda.feed import new_initiative
from backbone.readmodels.feeds import as_published
from notifications.app import SERVICE
from notifications.receiver import Receiver

TENANT = "bench"


async def register(infra: Infrastructure, url: str, tenant: str,
                   receivers: list[Receiver]) -> None:
    """An endpoint of the tenant's network for each receiver, for initiative updates."""
    token = mint_token(infra.settings("notifications"), sub="bench", tenant=tenant,
                       roles=["network:admin"])
    async with httpx.AsyncClient(base_url=url, timeout=30,
                                 headers={"Authorization": f"Bearer {token}"}) as api:
        for receiver in receivers:
            made = await api.post("/v1/webhook-endpoints", json={
                "url": receiver.url, "event_types": [INITIATIVE_UPDATED.type]})
            assert made.status_code == 201, made.text


async def publish_update(producer: AIOKafkaProducer, tenant: str, name: str) -> str:
    """An initiative update onto agenda's topic, as agenda publishes it; returns its id."""
    state = new_initiative(name)
    event = as_published(tenant, INITIATIVE_UPDATED, state, state.id)
    await producer.send_and_wait(INITIATIVE_UPDATED.topic, event.value(),
                                 key=str(state.id).encode(), headers=event.headers())
    return str(event.id)


async def through_the_service(infra: Infrastructure, url: str, hooks: Receiver, rate: float,
                              seconds: float) -> list[float]:
    await register(infra, url, TENANT, [hooks])
    producer = AIOKafkaProducer(bootstrap_servers=infra.bootstrap_servers, acks="all",
                                linger_ms=2)
    await producer.start()
    sent: dict[str, float] = {}

    async def send(i: int) -> None:
        started = time.perf_counter()
        sent[await publish_update(producer, TENANT, f"Bench {i}")] = started

    try:
        hooks.requests.clear()
        await send(-1)  # the consumer joins its group and catches up first
        await hooks.wait_for(1, timeout_s=120)
        hooks.requests.clear()
        sent.clear()
        await paced(rate, seconds, send)
        deadline = time.monotonic() + 120
        while not set(sent) <= {json.loads(r.body)["id"] for r in hooks.requests}:
            assert time.monotonic() < deadline, "not every event was delivered"
            await asyncio.sleep(0.1)
    finally:
        await producer.stop()
    others = [r for r in hooks.requests if json.loads(r.body)["id"] not in sent]
    if others:
        print(f"({len(others)} deliveries of events sent before the run)")
    return [(r.at - sent[json.loads(r.body)["id"]]) * 1000 for r in hooks.requests
            if json.loads(r.body)["id"] in sent]


async def raw_baseline(infra: Infrastructure, hooks: Receiver, rate: float,
                       seconds: float) -> list[float]:
    topic = "bench.webhooks.raw"
    await ensure_topics(infra.bootstrap_servers, [topic], 3)
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=infra.bootstrap_servers,
                                auto_offset_reset="latest",
                                fetch_max_wait_ms=infra.settings("bench").kafka_fetch_max_wait_ms)
    producer = AIOKafkaProducer(bootstrap_servers=infra.bootstrap_servers, acks="all",
                                linger_ms=2)
    await consumer.start()
    await producer.start()
    await consumer.seek_to_end()
    sent: dict[str, float] = {}
    hooks.requests.clear()
    expected = int(rate * seconds)

    async def forward(client: httpx.AsyncClient) -> None:
        while len(hooks.requests) < expected:
            for records in (await consumer.getmany(timeout_ms=100)).values():
                await asyncio.gather(*(client.post(hooks.url, content=r.value)
                                       for r in records))

    async def send(i: int) -> None:
        sent[str(i)] = time.perf_counter()
        await producer.send_and_wait(topic, json.dumps({"id": str(i)}).encode(),
                                     key=str(i % 10).encode())

    async with httpx.AsyncClient(timeout=30) as client:
        forwarding = asyncio.create_task(forward(client))
        await paced(rate, seconds, send)
        await asyncio.wait_for(forwarding, 60)
    await producer.stop()
    await consumer.stop()
    return [(r.at - sent[json.loads(r.body)["id"]]) * 1000 for r in hooks.requests]


async def measure(infra: Infrastructure, url: str, rate: float, seconds: float) -> None:
    hooks = Receiver()
    server = await hooks.start()
    try:
        raw = await raw_baseline(infra, hooks, rate, seconds)
        service = await through_the_service(infra, url, hooks, rate, seconds)
    finally:
        server.close()
    print(f"{rate:.0f} events/s for {seconds:.0f} s")
    summary("raw consume -> POST", raw)
    summary("event -> signed webhook received", service, raw)


def main(rate: float, seconds: float, split: bool) -> None:
    """``split``: one process consumes (and serves the API), a second one only delivers,
    as delivery-only replicas would (``BACKBONE_RUN_WORKERS`` / ``_RUN_CONSUMERS``)."""
    consuming = {**LOCAL_ONLY, "BACKBONE_RUN_WORKERS": "false"} if split else LOCAL_ONLY
    with running(SERVICE, env=consuming) as (infra, process):
        if not split:
            asyncio.run(measure(infra, process.url, rate, seconds))
            return
        delivering = ServiceProcess(SERVICE, infra, free_port(),
                                    Path(tempfile.mkdtemp()) / "deliveries.log",
                                    env={**LOCAL_ONLY, **UNLIMITED, "BACKBONE_LOG_LEVEL": "WARNING",
                                         "BACKBONE_RUN_CONSUMERS": "false",
                                         "BACKBONE_RUN_RELAY": "false"})
        try:
            delivering.wait_ready()
            asyncio.run(measure(infra, process.url, rate, seconds))
        finally:
            delivering.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rate", type=float, default=100)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--split", action="store_true",
                        help="deliver from a second, delivery-only process")
    args = parser.parse_args()
    main(args.rate, args.seconds, args.split)
