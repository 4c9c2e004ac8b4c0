"""Webhook fan-out benchmark: 1,000 events to 20 endpoints, with and without a dead one.

The notifications service (its own uvicorn process) consumes events produced onto
``backbone.agenda.v1`` and delivers each to every endpoint of the tenant. In the first
round all 20 endpoints answer at once; in the second, in another tenant, one of the 20
never answers (each of its attempts runs into the delivery timeout). Printed per round:
deliveries per second to the healthy endpoints, and their latency from the event's
production to its receipt, so the second round shows what a dead endpoint costs the others.

    .venv/bin/python bench/webhook_fanout.py [--events 1000] [--endpoints 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time

from aiokafka import AIOKafkaProducer
from event_latency import summary
from harness import running
from webhook_latency import publish_update, register

from backbone.devstack.infra import Infrastructure
from backbone.devstack.stack import LOCAL_ONLY
from notifications.app import SERVICE
from notifications.receiver import Receiver, Reply


async def one_round(infra: Infrastructure, url: str, tenant: str, events: int,
                    endpoints: int, dead: bool) -> None:
    never = asyncio.Event()
    healthy = [Receiver() for _ in range(endpoints - int(dead))]
    dead_ones = [Receiver(otherwise=Reply(200, hold=never))] if dead else []
    servers = [await r.start() for r in healthy + dead_ones]
    await register(infra, url, tenant, healthy + dead_ones)
    producer = AIOKafkaProducer(bootstrap_servers=infra.bootstrap_servers, acks="all",
                                linger_ms=2)
    await producer.start()
    sent: dict[str, float] = {}
    started = time.perf_counter()
    try:
        for i in range(events):
            at = time.perf_counter()
            sent[await publish_update(producer, tenant, f"Fan-out {i}")] = at
        for receiver in healthy:
            await receiver.wait_for(events, timeout_s=900)
    finally:
        await producer.stop()
        never.set()
        for server in servers:
            server.close()
    elapsed = time.perf_counter() - started
    latencies = [(r.at - sent[json.loads(r.body)["id"]]) * 1000
                 for receiver in healthy for r in receiver.requests]
    label = f"{endpoints} endpoints, {'one dead' if dead else 'all healthy'}"
    print(f"{label}: {len(latencies):,} deliveries to the healthy ones in {elapsed:.1f} s, "
          f"{len(latencies) / elapsed:,.0f}/s")
    summary(f"  latency ({label})", latencies)


async def measure(infra: Infrastructure, url: str, events: int, endpoints: int) -> None:
    await one_round(infra, url, "fanout-healthy", events, endpoints, dead=False)
    await one_round(infra, url, "fanout-dead", events, endpoints, dead=True)


def main(events: int, endpoints: int) -> None:
    with running(SERVICE, env=LOCAL_ONLY) as (infra, process):
        asyncio.run(measure(infra, process.url, events, endpoints))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--endpoints", type=int, default=20)
    args = parser.parse_args()
    main(args.events, args.endpoints)
