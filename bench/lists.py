"""List benchmark: the pages CRM syncs and frontends fetch, beside a raw endpoint.

Agenda's organizations, participants, goals and decisions, and measurement's indicators,
dimensions and observations, 600 of each (observations: 2,000 of one indicator), at
``limit`` 50 and 500, with and without ``updated_since`` (the newer half), against a raw
FastAPI + asyncpg endpoint returning the same rows as JSON (``SELECT *`` in the same order,
organizations with their external ids) on the same database, measured in the same run.
Then agenda's composed reads of an initiative of 10 goals and 30 strategies: its agenda
document (the initiative, then its current revision) and its 50 newest revisions, beside
raw endpoints making the same queries.
Each service runs as its own uvicorn process; the load comes from a separate process.

    .venv/bin/python bench/lists.py [--seconds 4] [--connections 16] [--only goals,indicators]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlencode

import httpx
import loadgen
from harness import running
from http_get import serve_raw
from ingest import announce_initiative
from loadgen import Result

from agenda.app import SERVICE as AGENDA
from backbone.auth.tokens import mint_token
from backbone.devstack.infra import Infrastructure
from backbone.devstack.ports import free_port, wait_for_port
from backbone.devstack.processes import ServiceProcess
from backbone.service import ServiceSpec
from measurement.app import SERVICE as MEASUREMENT

ITEMS = 600
TENANT = "bench"


@dataclass
class ListUnderTest:
    name: str
    path: str
    """The service's path (with its ids filled in)."""
    scope: str | None
    """The id the raw endpoint filters on."""
    since: str
    """An ``updated_at`` with about half the items at or after it."""


@dataclass
class ComposedRead:
    name: str
    path: str
    raw_path: str


def seed_agenda_document(url: str, headers: dict[str, str]) -> list[ComposedRead]:
    """An initiative of a usual size: 10 goals of 3 strategies each (41 revisions)."""
    with httpx.Client(base_url=url, headers=headers, timeout=60) as api:
        initiative = api.post("/v1/initiatives", json={
            "name": "Composed", "vision": "Every child ready for school"}).json()["id"]
        for n in range(10):
            goal = api.post(f"/v1/initiatives/{initiative}/goals", json={
                "title": f"Goal {n}", "description": "A goal of the common agenda."}).json()
            for m in range(3):
                api.post(f"/v1/goals/{goal['id']}/strategies", json={
                    "title": f"Strategy {n}.{m}", "description": "How it is reached."})
    query = urlencode({"tenant": TENANT})
    return [ComposedRead("agenda", f"/v1/initiatives/{initiative}/agenda",
                         f"/agenda/{initiative}?{query}"),
            ComposedRead("revisions",
                         f"/v1/initiatives/{initiative}/agenda/revisions?limit=50",
                         f"/revisions/{initiative}?{query}&limit=50")]


def seed_agenda(url: str, headers: dict[str, str]) -> list[ListUnderTest]:
    with httpx.Client(base_url=url, headers=headers, timeout=60) as api:
        initiative = api.post("/v1/initiatives", json={"name": "Bench"}).json()["id"]
        base = f"/v1/initiatives/{initiative}"
        stamps: dict[str, list[str]] = {k: [] for k in ("organizations", "participants",
                                                        "goals", "decisions")}
        for n in range(ITEMS):
            org = api.put(f"/v1/organizations/by-external-id/crm/C-{n}",
                          json={"name": f"Organization {n}", "sector": "nonprofit"}).json()
            stamps["organizations"].append(org["updated_at"])
            stamps["participants"].append(api.post(f"{base}/participants", json={
                "kind": "organization", "organization_id": org["id"],
                "roles": ["partner"]}).json()["updated_at"])
            stamps["goals"].append(api.post(f"{base}/goals", json={
                "title": f"Goal {n}"}).json()["updated_at"])
            stamps["decisions"].append(api.post(f"{base}/decisions", json={
                "title": f"Decision {n}", "method": "consensus",
                "decided_on": "2026-01-01"}).json()["updated_at"])
    return [ListUnderTest("organizations", "/v1/organizations", None,
                          stamps["organizations"][ITEMS // 2]),
            *(ListUnderTest(name, f"{base}/{name}", initiative, stamps[name][ITEMS // 2])
              for name in ("participants", "goals", "decisions"))]


def seed_measurement(url: str, headers: dict[str, str], initiative: str
                     ) -> list[ListUnderTest]:
    base = f"/v1/initiatives/{initiative}"
    with httpx.Client(base_url=url, headers=headers, timeout=120) as api:
        while api.get(f"{base}/measurement-settings").status_code == 404:
            pass  # the initiative arrives through Kafka
        dimensions = [api.post(f"{base}/dimensions", json={
            "code": f"d{n}", "name": f"Dimension {n}",
            "options": [{"code": "a", "label": "A"}, {"code": "b", "label": "B"}]}
        ).json()["updated_at"] for n in range(ITEMS)]
        indicators = [api.post(f"{base}/indicators", json={
            "code": f"i{n}", "name": f"Indicator {n}", "unit": "count",
            "direction": "increase", "frequency": "monthly"}).json() for n in range(ITEMS)]
        first = indicators[0]["id"]
        rows = [{"indicator_id": first, "period": f"{1900 + n // 12}-{n % 12 + 1:02d}",
                 "value": n} for n in range(2000)]
        api.post(f"{base}/observations/batch", json={"rows": rows[:1000]})
        api.post(f"{base}/observations/batch", json={"rows": rows[1000:]})
        observations = api.get(f"/v1/indicators/{first}/observations",
                               params={"limit": 500}).json()["items"]
    return [ListUnderTest("dimensions", f"{base}/dimensions", initiative,
                          dimensions[ITEMS // 2]),
            ListUnderTest("indicators", f"{base}/indicators", initiative,
                          indicators[ITEMS // 2]["updated_at"]),
            ListUnderTest("observations", f"/v1/indicators/{first}/observations", first,
                          observations[-1]["updated_at"])]


def report(name: str, result: Result, baseline: Result | None = None) -> None:
    ratio = f"  {result.rps / baseline.rps:4.0%} of raw" if baseline else ""
    print(f"{name:<44} {result.rps:6.0f} req/s  p50 {result.p50_ms:6.1f} ms  "
          f"p99 {result.p99_ms:6.1f} ms  (errors={result.errors}){ratio}")


def measure(infra: Infrastructure, spec: ServiceSpec, service: ServiceProcess,
            lists: list[ListUnderTest], headers: dict[str, str], seconds: float,
            connections: int, only: set[str] | None,
            composed: Sequence[ComposedRead] = ()) -> None:
    raw_port = free_port()
    raw = serve_raw(raw_port, infra.settings(spec.name).owner_asyncpg_dsn)
    try:
        wait_for_port(raw_port, 60, "raw")
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            def go(port: int, path: str, auth: dict[str, str]) -> Result:
                return pool.submit(_run, port, path, auth, seconds, connections).result()

            for item in lists:
                if only is not None and item.name not in only:
                    continue
                for limit in (50, 500):
                    for since in (None, item.since):
                        query = {"limit": limit, **({"updated_since": since} if since else {})}
                        raw_query = {**query, "tenant": TENANT,
                                     **({"scope": item.scope} if item.scope else {})}
                        baseline = go(raw_port, f"/list/{item.name}?{urlencode(raw_query)}",
                                      {})
                        result = go(service.port, f"{item.path}?{urlencode(query)}", headers)
                        label = f"{item.name}, limit {limit}" + (", updated_since"
                                                                 if since else "")
                        report(f"raw {label}", baseline)
                        report(f"{spec.name} {label}", result, baseline)
            for read in composed:
                if only is not None and read.name not in only:
                    continue
                baseline = go(raw_port, read.raw_path, {})
                result = go(service.port, read.path, headers)
                report(f"raw {read.name}", baseline)
                report(f"{spec.name} {read.name}", result, baseline)
    finally:
        raw.terminate()
        raw.wait(10)


def _run(port: int, path: str, headers: dict[str, str], seconds: float,
         connections: int) -> Result:
    return asyncio.run(loadgen.run(port, "GET", path, headers=headers,
                                   connections=connections, seconds=seconds))


def main(seconds: float, connections: int, only: set[str] | None) -> None:
    print(f"{connections} connections, {seconds:.0f} s per run, 2 cores shared by all")
    with running(AGENDA) as (infra, process):
        token = mint_token(infra.settings("agenda"), sub="bench", tenant=TENANT,
                           roles=["network:admin"])
        headers = {"Authorization": f"Bearer {token}"}
        composed = seed_agenda_document(process.url, headers)
        measure(infra, AGENDA, process, seed_agenda(process.url, headers), headers, seconds,
                connections, only, composed)
    with running(MEASUREMENT) as (infra, process):
        token = mint_token(infra.settings("measurement"), sub="bench", tenant=TENANT,
                           roles=["network:admin"])
        headers = {"Authorization": f"Bearer {token}"}
        initiative = asyncio.run(announce_initiative(infra, TENANT))
        lists = seed_measurement(process.url, headers, initiative)
        measure(infra, MEASUREMENT, process, lists, headers, seconds, connections, only)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=4)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--only", help="comma-separated list names (default: all)")
    arguments = parser.parse_args()
    main(arguments.seconds, arguments.connections,
         set(arguments.only.split(",")) if arguments.only else None)
