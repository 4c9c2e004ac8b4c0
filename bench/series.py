"""Read benchmark: series and progress of a five-year monthly indicator with three dimensions.

One indicator (percent, pooled across 14 places), 60 months, the total and every option of
race (5), gender (2) and age band (4): 10,080 observations, all approved. The measurement
service and a raw FastAPI + asyncpg endpoint (fetching the same rows, unaggregated) run as
uvicorn processes on the same database; each query runs for a while on keep-alive
connections from a separate process: first one connection (latency alone), then
``--connections`` at once (latency under concurrent load). Computed figures are kept per
indicator version, so those runs read kept figures after the first request; last, each
query is read once right after a write to the indicator, twenty times: the latency of a
reader who finds nothing kept.

    .venv/bin/python bench/series.py [--seconds 8] [--connections 8]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor

import httpx
import loadgen
from harness import running
from http_get import serve_raw
from ingest import DIMENSIONS, PLACES, announce_initiative
from loadgen import Result

from backbone.auth.tokens import mint_token
from backbone.devstack.infra import Infrastructure
from backbone.devstack.ports import free_port, wait_for_port
from backbone.devstack.processes import ServiceProcess
from measurement.app import SERVICE


def seed(url: str, token: str, initiative: str) -> str:
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=url, headers=headers, timeout=120) as api:
        base = f"/v1/initiatives/{initiative}"
        while api.get(f"{base}/measurement-settings").status_code == 404:
            pass
        ids = [api.post(f"{base}/dimensions", json={
            "code": code, "name": code, "options": [{"code": o, "label": o} for o in options]
        }).json()["id"] for code, options in DIMENSIONS.items()]
        indicator = api.post(f"{base}/indicators", json={
            "code": "ready", "name": "Kindergarten readiness", "unit": "percent",
            "direction": "increase", "frequency": "monthly", "status": "active",
            "dimension_ids": ids, "baseline_period": "2021-01"}).json()
        api.put(f"/v1/indicators/{indicator['id']}/targets", json={"targets": [
            {"period": "2025-12", "value": 75}, {"period": "2030-12", "value": 90}]})
        cells: list[dict[str, str]] = [{}]
        cells += [{d: o} for d, options in DIMENSIONS.items() for o in options]
        rows = [{"indicator": "ready", "period": f"{year}-{month:02d}", "disaggregation": cell,
                 "geography": place, "numerator": 40 + (year - 2021) * 5 + i % 7,
                 "denominator": 100}
                for year in range(2021, 2026) for month in range(1, 13)
                for cell in cells for i, place in enumerate(PLACES)]
        for i in range(0, len(rows), 10_000):
            r = api.post(f"{base}/observations/batch", json={"rows": rows[i:i + 10_000]})
            assert r.status_code == 200, r.text[:300]
        print(f"seeded {len(rows):,} observations")
        return indicator["id"]


def _run(port: int, path: str, headers: dict, seconds: float, connections: int) -> Result:
    return asyncio.run(loadgen.run(port, "GET", path, headers=headers,
                                   connections=connections, seconds=seconds))


def report(name: str, result: Result, baseline: Result | None = None) -> None:
    ratio = f"  {result.rps / baseline.rps:.0%} of raw" if baseline else ""
    print(f"{name:<40} {result.rps:7.0f} req/s  p50 {result.p50_ms:6.1f} ms  "
          f"p99 {result.p99_ms:6.1f} ms  (n={result.n}, errors={result.errors}){ratio}")


def measure(infra: Infrastructure, service: ServiceProcess, seconds: float,
            connections: int) -> None:
    settings = infra.settings("measurement")
    raw_port = free_port()
    raw = serve_raw(raw_port, settings.owner_asyncpg_dsn)
    try:
        wait_for_port(raw_port, 60, "raw")
        token = mint_token(settings, sub="bench", tenant="bench", roles=["network:admin"])
        initiative = asyncio.run(announce_initiative(infra, "bench"))
        indicator = seed(service.url, token, initiative)
        headers = {"Authorization": f"Bearer {token}"}
        url = f"/v1/indicators/{indicator}"
        queries = [
            ("series (total)", f"{url}/series"),
            ("series by race", f"{url}/series?by=race"),
            ("series, female, 2024", f"{url}/series?where=gender:female&from=2024&to=2024"),
            ("progress by age", f"{url}/progress?by=age"),
            ("disparities by race", f"{url}/disparities?dimension=race"),
        ]
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            def go(port: int, path: str, clients: int, run_s: float = seconds) -> Result:
                return pool.submit(_run, port, path, headers, run_s, clients).result()

            go(service.port, queries[0][1], connections, 2)  # warm up
            for clients in sorted({1, connections}):
                raw_result = go(raw_port, f"/series/{indicator}", clients)
                results = [(name, go(service.port, path, clients)) for name, path in queries]
                print(f"{clients} connection(s), {seconds:.0f} s per query, "
                      "2 cores shared by all")
                report("raw asyncpg fetch of the total's rows", raw_result)
                for name, result in results:
                    report(name, result, raw_result)
        first_reads(service.url, headers, indicator, queries)
    finally:
        raw.terminate()
        raw.wait(10)


def first_reads(url: str, headers: dict[str, str], indicator: str,
                queries: list[tuple[str, str]], writes: int = 20) -> None:
    """Each query read once after each of ``writes`` corrections of one observation (every
    write makes the indicator's figures anew), on one connection."""
    print(f"first read after a write ({writes} writes per query, 1 connection)")
    with httpx.Client(base_url=url, headers=headers, timeout=60) as api:
        for name, path in queries:
            took = []
            for n in range(writes):
                written = api.post(f"/v1/indicators/{indicator}/observations", json={
                    "period": "2025-12", "geography": PLACES[0], "numerator": 50 + n % 2,
                    "denominator": 100})
                assert written.status_code in (200, 201), written.text
                started = time.perf_counter()
                read = api.get(path)
                took.append(time.perf_counter() - started)
                assert read.status_code == 200, read.text
            p50, _ = loadgen.p50_p99(took)
            print(f"{name:<40} p50 {p50 * 1000:6.1f} ms  max {max(took) * 1000:6.1f} ms")


def main(seconds: float, connections: int) -> None:
    with running(SERVICE) as (infra, service):
        measure(infra, service, seconds, connections)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    main(args.seconds, args.connections)
