"""HTTP benchmark: agenda's GET by id, create (POST) and upsert by external id (PUT, a new
id each request, then one record again and again, unchanged, as a CRM sync mostly sends)
against raw FastAPI + asyncpg endpoints: a GET of the row, and a write of
one row plus one outbox row in one transaction from the same JSON body. Agenda's
``/healthz``, which does nothing, shows what the app's framework costs a request by
itself. All are uvicorn processes on the same database, 64 concurrent connections. Then
the creates through two agenda processes on that database (as two replicas run).

    .venv/bin/python bench/http_get.py [--seconds 10]

Prints requests/s, p50 and p99 latency, and the ratio to the raw baseline; and the CPU
time the serving process spent per request (from /proc), with its ratio to the raw
baseline's: on a machine whose speed varies from one run to the next, that ratio moves far
less than the ratio of requests/s. Of a service's CPU, the part its other threads spent
(the outbox relay publishing the writes' events, which the raw write does not) is shown
in brackets.
"""

import argparse
import asyncio
import multiprocessing
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import loadgen
from cpu import cpu_seconds
from harness import UNLIMITED
from loadgen import Result

from agenda.app import SERVICE
from backbone.auth.tokens import mint_token
from backbone.devstack.infra import prepare_service, start_infrastructure
from backbone.devstack.ports import free_port, wait_for_port
from backbone.devstack.processes import ServiceProcess

CONNECTIONS = 64


def serve_raw(port: int, dsn: str) -> subprocess.Popen:
    """The raw baseline app, on the same database."""
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "raw_app:app", "--port", str(port), "--no-access-log",
         "--log-level", "warning"],
        env={**os.environ, "RAW_DSN": dsn}, cwd=Path(__file__).parent)


@dataclass
class Served:
    """A run's result and the CPU time the serving process spent on it: in all, and in
    threads other than the one serving requests (a service's outbox relay)."""

    result: Result
    cpu_s: float
    background_s: float

    @property
    def cpu_ms(self) -> float:
        """Milliseconds of the process's CPU (all its threads) per request."""
        return 1000 * self.cpu_s / max(self.result.n, 1)

    @property
    def background_ms(self) -> float:
        return 1000 * self.background_s / max(self.result.n, 1)


def report(name: str, served: Result | Served, baseline: Served | None = None) -> None:
    result = served.result if isinstance(served, Served) else served
    line = (f"{name:<28} {result.rps:8.0f} req/s  p50 {result.p50_ms:6.1f} ms  "
            f"p99 {result.p99_ms:6.1f} ms  (n={result.n}, errors={result.errors})")
    if isinstance(served, Served):
        line += f"  {served.cpu_ms:.2f} ms CPU/req"
        if served.background_ms >= 0.01:
            line += f" ({served.background_ms:.2f} relay)"
        if baseline:
            line += (f"  {result.rps / baseline.result.rps:.0%} of raw req/s,"
                     f" {baseline.cpu_ms / served.cpu_ms:.0%} of raw by CPU")
    print(line)


def measure(agenda: ServiceProcess, raw_process: subprocess.Popen, raw_port: int,
            initiative_id: str, headers: dict, seconds: float,
            start_second: Callable[[], ServiceProcess]) -> None:
    """Each run in a fresh process, so the generator has a core of its own to compete for.
    Last, the creates are sent to two agenda processes on the one database (half the
    connections each, as two replicas behind a load balancer). The second process starts
    only then: until it does, the measured process is the one whose relay leads, so its CPU
    per write includes publishing the events (with two processes from the start, either
    relay might lead, and a run's figures depended on which)."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        pids = {agenda.port: agenda.pid, raw_port: raw_process.pid}

        def go(port: int, method: str, path: str, body: bytes = b"", *, run_s: float = seconds,
               content_type: str | None = None) -> Served:
            extra = {"Content-Type": content_type} if content_type else {}
            total, background = cpu_seconds(pids[port])
            result = pool.submit(_run, port, method, path, {**headers, **extra}, body,
                                 run_s).result()
            total_after, background_after = cpu_seconds(pids[port])
            return Served(result, total_after - total, background_after - background)

        agenda_port = agenda.port
        go(agenda_port, "GET", f"/v1/initiatives/{initiative_id}", run_s=2)  # warm up
        raw = go(raw_port, "GET", f"/initiatives/{initiative_id}")
        get = go(agenda_port, "GET", f"/v1/initiatives/{initiative_id}")
        # The framework's floor: a route of the same app that does nothing (no caller, no
        # database), through the same edge layer, routing and dependency solving.
        nothing = go(agenda_port, "GET", "/healthz")
        body = b'{"name": "Bench org", "sector": "other"}'
        json_type = "application/json"
        raw_write = go(raw_port, "POST", "/organizations?tenant=bench", body,
                       content_type=json_type)
        create = go(agenda_port, "POST", "/v1/organizations", body, content_type=json_type)
        upsert = go(agenda_port, "PUT", "/v1/organizations/by-external-id/bench/E-{n}", body,
                    content_type=json_type)
        # A CRM sync's usual request: the record again, unchanged (E-1 exists by now).
        resync = go(agenda_port, "PUT", "/v1/organizations/by-external-id/bench/E-1", body,
                    content_type=json_type)
    second_port = start_second().port
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        both = [pool.submit(_run, port, "POST", "/v1/organizations",
                            {**headers, "Content-Type": "application/json"}, body, seconds,
                            CONNECTIONS // 2) for port in (agenda_port, second_port)]
        halves = [f.result() for f in both]
    print(f"{CONNECTIONS} connections, {seconds:.0f} s per run, 2 cores shared by all")
    report("raw FastAPI+asyncpg GET", raw)
    report("agenda GET initiative", get, raw)
    report("agenda GET /healthz (no work)", nothing, raw)
    report("raw FastAPI+asyncpg write", raw_write)
    report("agenda POST organization", create, raw_write)
    report("agenda PUT by external id", upsert, raw_write)
    report("agenda PUT again, unchanged", resync, raw_write)
    two = Result(rps=sum(h.rps for h in halves), p50_ms=max(h.p50_ms for h in halves),
                 p99_ms=max(h.p99_ms for h in halves), n=sum(h.n for h in halves),
                 errors=sum(h.errors for h in halves))
    report("  ... through two processes", two)
    print(f"  two processes made {two.rps / create.result.rps:.2f}x the creates of one "
          "(p50 and p99: the slower process's)")


def _run(port: int, method: str, path: str, headers: dict, body: bytes,
         seconds: float, connections: int = CONNECTIONS) -> Result:
    return asyncio.run(loadgen.run(port, method, path, headers=headers, body=body,
                                   connections=connections, seconds=seconds))


def main(seconds: float) -> None:
    infra = start_infrastructure(Path(tempfile.mkdtemp()), pg_port=free_port(),
                                 kafka_port=free_port(), durable=False)
    processes: list[ServiceProcess] = []
    raw = None

    def start_agenda() -> ServiceProcess:
        process = ServiceProcess(SERVICE, infra, free_port(), Path(tempfile.mkdtemp()) / "a.log",
                                 env={"BACKBONE_LOG_LEVEL": "WARNING", **UNLIMITED})
        processes.append(process)
        process.wait_ready()
        return process

    try:
        prepare_service(infra, SERVICE)
        settings = infra.settings("agenda")
        raw_port = free_port()
        raw = serve_raw(raw_port, settings.owner_asyncpg_dsn)
        agenda = start_agenda()
        wait_for_port(raw_port, 60, "raw")
        token = mint_token(settings, sub="bench", tenant="bench", roles=["network:admin"])
        headers = {"Authorization": f"Bearer {token}"}
        created = httpx.post(f"{agenda.url}/v1/initiatives", headers=headers,
                             json={"name": "Bench"}).json()
        measure(agenda, raw, raw_port, created["id"], headers, seconds, start_agenda)
    finally:
        for process in processes:
            process.stop()
        if raw is not None:
            raw.terminate()
            raw.wait(10)
        infra.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    main(parser.parse_args().seconds)
