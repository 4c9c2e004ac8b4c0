"""HTTP benchmark: GET-by-id and create on the agenda service vs a raw FastAPI + asyncpg
endpoint, both as uvicorn processes on the same database, 64 concurrent connections.

    .venv/bin/python bench/http_get.py [--seconds 10]

Prints requests/s, p50 and p99 latency, and the ratio to the raw baseline.
"""

import argparse
import asyncio
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import httpx
import loadgen
from loadgen import Result

from agenda.app import SERVICE
from backbone.auth.tokens import mint_token
from backbone.devstack.infra import prepare_service, start_infrastructure
from backbone.devstack.ports import free_port, wait_for_port

CONNECTIONS = 64


def serve(app: str, port: int, env: dict, factory: bool) -> subprocess.Popen:
    command = [sys.executable, "-m", "uvicorn", app, "--port", str(port), "--no-access-log",
               "--log-level", "warning"]
    if factory:
        command.insert(3, "--factory")
    return subprocess.Popen(command, env=env, cwd=Path(__file__).parent)


def report(name: str, result: Result, baseline: Result | None = None) -> None:
    ratio = f"  {result.rps / baseline.rps:.0%} of raw" if baseline else ""
    print(f"{name:<28} {result.rps:8.0f} req/s  p50 {result.p50_ms:6.1f} ms  "
          f"p99 {result.p99_ms:6.1f} ms  (n={result.n}, errors={result.errors}){ratio}")


def measure(agenda_port: int, raw_port: int, initiative_id: str, headers: dict,
            seconds: float) -> None:
    """Each run in a fresh process, so the generator has a core of its own to compete for."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        def go(port: int, method: str, path: str, body: bytes = b"", *, run_s: float = seconds,
               **extra: str) -> Result:
            return pool.submit(_run, port, method, path, {**headers, **extra}, body,
                               run_s).result()

        go(agenda_port, "GET", f"/v1/initiatives/{initiative_id}", run_s=2)  # warm up
        raw = go(raw_port, "GET", f"/initiatives/{initiative_id}")
        get = go(agenda_port, "GET", f"/v1/initiatives/{initiative_id}")
        create = go(agenda_port, "POST", "/v1/organizations",
                    b'{"name": "Bench org", "sector": "other"}',
                    **{"Content-Type": "application/json"})
    print(f"{CONNECTIONS} connections, {seconds:.0f} s per run, 2 cores shared by all")
    report("raw FastAPI+asyncpg GET", raw)
    report("agenda GET initiative", get, raw)
    report("agenda POST organization", create)


def _run(port: int, method: str, path: str, headers: dict, body: bytes,
         seconds: float) -> Result:
    return asyncio.run(loadgen.run(port, method, path, headers=headers, body=body,
                                   connections=CONNECTIONS, seconds=seconds))


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
        measure(agenda_port, raw_port, created["id"], headers, seconds)
    finally:
        for process in processes:
            process.terminate()
            process.wait(10)
        infra.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    main(parser.parse_args().seconds)
