"""Views benchmark: gaps and the alignment matrix of a large initiative.

500 activities of 60 organizations (all participants) on 40 strategies of 8 goals, in a
geography list of 200 places (a county, 9 cities, 190 neighbourhoods), with about 750
contributions and 100 links; 20 indicators, half of them off track, 10 with widening gaps
by race. Agenda's and measurement's entities are published on their topics as those
services would (the activities service consumes them); the activities, contributions and
links are made through the API. The service and a raw FastAPI + asyncpg endpoint (fetching
the same rows each view reads, unprocessed) run as uvicorn processes on the same database;
each query runs for a while on keep-alive connections from a separate process, at one
connection and at ``--connections``.

    .venv/bin/python bench/views.py [--seconds 8] [--connections 8]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import random
import uuid
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx
from aiokafka import AIOKafkaProducer
from harness import running
from http_get import serve_raw
from series import _run, report

from activities.app import SERVICE
from backbone.auth.tokens import mint_token
from backbone.contracts.measurement.entities import ProgressStatus, Trend
from backbone.devstack.infra import Infrastructure
from backbone.devstack.ports import free_port, wait_for_port
from backbone.devstack.processes import ServiceProcess
from backbone.events.envelope import CloudEvent
from backbone.events.registry import EventPayload, EventType, topic_of
from backbone.readmodels.agenda.feed import AgendaFeed
from backbone.readmodels.feeds import as_published
from backbone.readmodels.measurement.feed import MeasurementFeed

TENANT = "bench"
RACES = ["asian", "black", "latino", "native", "white"]


class Recording(AgendaFeed, MeasurementFeed):
    """Agenda's and measurement's events, built as the tests' feeds build them, kept in
    order to be sent to the broker as their relays would send them."""

    def __init__(self) -> None:
        self.events: list[CloudEvent] = []

    async def publish(self, tenant: str, event_type: EventType[Any], payload: EventPayload,
                      initiative: uuid.UUID | None, subject: uuid.UUID | None = None) -> None:
        self.events.append(as_published(tenant, event_type, payload, initiative, subject))

    async def send(self, bootstrap_servers: str) -> None:
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap_servers)
        await producer.start()
        try:
            for event in self.events:
                topic = topic_of(event.source.rsplit("/", 1)[-1])
                key = event.initiative or event.tenant
                await producer.send_and_wait(topic, event.value(), key=key.encode(),
                                             headers=event.headers())
        finally:
            await producer.stop()


@dataclass
class Plan:
    """What agenda and measurement say of the initiative."""

    initiative: uuid.UUID
    orgs: list[uuid.UUID]
    strategies: list[uuid.UUID]
    indicators: list[uuid.UUID]


async def announce(bootstrap_servers: str) -> Plan:
    feed = Recording()
    initiative = await feed.initiative(TENANT, "Bench partnership")
    orgs = [uuid.uuid4() for _ in range(60)]
    for n, org in enumerate(orgs):
        await feed.organization(TENANT, org, f"Organization {n:02d}")
        await feed.participant(TENANT, initiative, org)
    goals = [await feed.goal(TENANT, initiative) for _ in range(8)]
    strategies = [await feed.strategy(TENANT, initiative, goal, f"Strategy {n:02d}")
                  for n, goal in enumerate(goals * 5)]
    race = await feed.dimension(TENANT, initiative, "race", RACES)
    indicators = [await feed.indicator(TENANT, initiative, f"ind-{n:02d}", [race],
                                       [goals[n % 8]]) for n in range(20)]
    for n, indicator in enumerate(indicators[:10]):
        await feed.status(TENANT, initiative, indicator, ProgressStatus.NO_DATA,
                          ProgressStatus.OFF_TRACK)
        await feed.disparities(TENANT, initiative, indicator, race, "race", "white", {
            "black": Trend.WIDENING, "latino": Trend.WIDENING if n % 2 else Trend.NARROWING})
    await feed.send(bootstrap_servers)
    return Plan(initiative, orgs, strategies, indicators)


def places() -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = [("County", None)]
    out += [(f"City {c}", "County") for c in range(9)]
    out += [(f"Neighbourhood {n:03d}", f"City {n % 9}") for n in range(190)]
    return out


def seed(url: str, token: str, infra: Infrastructure) -> Plan:
    """Agenda's and measurement's events through the broker, then the initiative's
    activities through the API."""
    plan = asyncio.run(announce(infra.bootstrap_servers))
    rng = random.Random(7)
    base = f"/v1/initiatives/{plan.initiative}"
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"},
                      timeout=120) as api:
        codes = [code for code, _ in places()]
        for code, parent in places():
            while (made := api.post(f"{base}/geographies", json={
                    "code": code, "name": code, "parent": parent})).status_code == 404:
                pass  # until the initiative arrives
            assert made.status_code == 201, made.text
        ids = []
        for n in range(500):
            body = {
                "title": f"Activity {n:03d}", "status": rng.choice(
                    ["active"] * 6 + ["planned", "paused", "completed", "cancelled"]),
                "start_date": f"202{rng.randint(3, 5)}-0{rng.randint(1, 9)}-01",
                "lead_organization_id": str(rng.choice(plan.orgs)),
                "strategy_ids": [str(s) for s in rng.sample(plan.strategies,
                                                            rng.randint(1, 2))],
                "indicator_ids": [str(i) for i in rng.sample(plan.indicators,
                                                             rng.randint(0, 2))],
                "geographies": rng.sample(codes[10:], rng.randint(0, 3)),
                "populations": [{"dimension": "race", "option": r}
                                for r in rng.sample(RACES, rng.randint(0, 1))]}
            if body["status"] == "completed":
                body["end_date"] = "2026-06-30"
            while (made := api.post(f"{base}/activities", json=body)).status_code == 422:
                pass  # until the last participant, strategy and indicator arrived
            assert made.status_code == 201, made.text
            ids.append(made.json()["id"])
        for n, activity in enumerate(ids):
            for org in rng.sample(plan.orgs, rng.choice([0, 1, 2, 2, 3])):
                api.post(f"/v1/activities/{activity}/contributors", json={
                    "organization_id": str(org), "role": rng.choice(
                        ["funding", "implementing", "extending"]),
                    "money": {"amount": str(rng.randint(1, 90) * 1000), "currency": "USD"}})
            if n % 5 == 0:
                api.post(f"/v1/activities/{activity}/links", json={
                    "to_activity_id": rng.choice(ids), "kind": "reinforces"})
        print(f"seeded {len(ids)} activities")
    return plan


def measure(infra: Infrastructure, service: ServiceProcess, seconds: float,
            connections: int) -> None:
    settings = infra.settings("activities")
    raw_port = free_port()
    raw = serve_raw(raw_port, settings.owner_asyncpg_dsn)
    try:
        wait_for_port(raw_port, 60, "raw")
        token = mint_token(settings, sub="bench", tenant=TENANT, roles=["network:admin"])
        plan = seed(service.url, token, infra)
        headers = {"Authorization": f"Bearer {token}"}
        base = f"/v1/initiatives/{plan.initiative}"
        pairs = [("gaps", f"/gaps-rows/{plan.initiative}", f"{base}/gaps"),
                 ("alignment", f"/alignment-rows/{plan.initiative}", f"{base}/alignment"),
                 ("alignment by geography", f"/alignment-rows/{plan.initiative}",
                  f"{base}/alignment?by=geography")]
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            def go(port: int, path: str, clients: int, run_s: float = seconds) -> Any:
                return pool.submit(_run, port, path, headers, run_s, clients).result()

            go(service.port, pairs[0][2], connections, 2)  # warm up
            for clients in sorted({1, connections}):
                print(f"{clients} connection(s), {seconds:.0f} s per query, "
                      "2 cores shared by all")
                for name, raw_path, path in pairs:
                    baseline = go(raw_port, raw_path, clients)
                    report(f"raw fetch of the {name} rows", baseline)
                    report(name, go(service.port, path, clients), baseline)
    finally:
        raw.terminate()
        raw.wait(10)


def main(seconds: float, connections: int) -> None:
    with running(SERVICE) as (infra, service):
        measure(infra, service, seconds, connections)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    main(args.seconds, args.connections)
