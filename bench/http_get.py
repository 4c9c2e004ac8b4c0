"""HTTP benchmark: GET-by-id and create on the agenda service vs a raw FastAPI + asyncpg
endpoint, both as uvicorn processes on the same database, 64 concurrent connections.

    .venv/bin/python bench/http_get.py [--seconds 10]

Prints requests/s, p50 and p99 latency, and the ratio to the raw baseline.
"""

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from agenda.app import SERVICE
from backbone.auth.tokens import mint_token
from backbone.devstack.infra import prepare_service, start_infrastructure
from backbone.devstack.ports import free_port, wait_for_port

CONNECTIONS = 64


async def load(url: str, seconds: float, method: str = "GET", **kwargs: object) -> dict:
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=CONNECTIONS, max_keepalive_connections=CONNECTIONS)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        async def worker() -> None:
            while time.perf_counter() < deadline:
                start = time.perf_counter()
                response = await client.request(method, url, **kwargs)
                latencies.append(time.perf_counter() - start)
                assert response.status_code < 300, response.text
        started = time.perf_counter()
        await asyncio.gather(*[worker() for _ in range(CONNECTIONS)])
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {"rps": len(latencies) / elapsed, "p50_ms": statistics.median(latencies) * 1000,
            "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000, "n": len(latencies)}


def serve(app: str, port: int, env: dict, factory: bool) -> subprocess.Popen:
    command = [sys.executable, "-m", "uvicorn", app, "--port", str(port), "--no-access-log",
               "--log-level", "warning"]
    if factory:
        command.insert(3, "--factory")
    return subprocess.Popen(command, env=env, cwd=Path(__file__).parent)


def report(name: str, result: dict, baseline: dict | None = None) -> None:
    ratio = f"  {result['rps'] / baseline['rps']:.0%} of raw" if baseline else ""
    print(f"{name:<28} {result['rps']:8.0f} req/s  p50 {result['p50_ms']:6.1f} ms  "
          f"p99 {result['p99_ms']:6.1f} ms  (n={result['n']}){ratio}")


async def measure(agenda: str, raw_url: str, initiative_id: str, headers: dict,
                  seconds: float) -> None:
    await load(f"{agenda}/v1/initiatives/{initiative_id}", 1, headers=headers)  # warm up
    raw = await load(f"{raw_url}/initiatives/{initiative_id}", seconds)
    get = await load(f"{agenda}/v1/initiatives/{initiative_id}", seconds, headers=headers)
    create = await load(f"{agenda}/v1/organizations", seconds, "POST", headers=headers,
                        json={"name": "Bench org", "sector": "other"})
    print(f"{CONNECTIONS} connections, {seconds:.0f} s per run, 2 cores shared by all")
    report("raw FastAPI+asyncpg GET", raw)
    report("agenda GET initiative", get, raw)
    report("agenda POST organization", create)


def main(seconds: float) -> None:
    infra = start_infrastructure(Path(tempfile.mkdtemp()), pg_port=free_port(),
                                 kafka_port=free_port(), durable=False)
    processes = []
    try:
        prepare_service(infra, SERVICE)
        settings = infra.settings("agenda")
        env = {**os.environ, **infra.settings_env(), "BACKBONE_MIGRATE_ON_START": "false",
               "BACKBONE_LOG_LEVEL": "WARNING", "RAW_DSN": settings.asyncpg_dsn}
        agenda_port, raw_port = free_port(), free_port()
        processes = [serve(SERVICE.app, agenda_port, env, True),
                     serve("raw_app:app", raw_port, env, False)]
        wait_for_port(agenda_port, 60, "agenda")
        wait_for_port(raw_port, 60, "raw")
        agenda = f"http://127.0.0.1:{agenda_port}"
        for _ in range(100):
            if httpx.get(f"{agenda}/readyz").status_code == 200:
                break
            time.sleep(0.2)
        token = mint_token(settings, sub="bench", tenant="bench", roles=["network:admin"])
        headers = {"Authorization": f"Bearer {token}"}
        created = httpx.post(f"{agenda}/v1/initiatives", headers=headers,
                             json={"name": "Bench"}).json()
        asyncio.run(measure(agenda, f"http://127.0.0.1:{raw_port}", created["id"], headers,
                            seconds))
    finally:
        for process in processes:
            process.terminate()
            process.wait(10)
        infra.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    main(parser.parse_args().seconds)
