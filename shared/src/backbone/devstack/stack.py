"""``backbone up``: the whole platform on one machine, each service its own uvicorn process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from backbone.auth.tokens import mint_token
from backbone.devstack.infra import Infrastructure, prepare_service, start_infrastructure
from backbone.service import ServiceSpec, discover_services

DEV_TENANT = "demo-network"


def _start_service(
    spec: ServiceSpec, infra: Infrastructure, log_dir: Path
) -> subprocess.Popen[bytes]:
    env = {**os.environ, **infra.settings_env(), "BACKBONE_MIGRATE_ON_START": "false"}
    log_dir.mkdir(parents=True, exist_ok=True)
    with (log_dir / f"{spec.name}.log").open("ab") as log:
        return subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "uvicorn", "--factory", spec.app, "--host", "127.0.0.1",
             "--port", str(spec.port), "--no-access-log"],
            env=env, stdout=log, stderr=subprocess.STDOUT,
        )


def _wait_ready(spec: ServiceSpec, process: subprocess.Popen[bytes], timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    url = f"http://127.0.0.1:{spec.port}/readyz"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{spec.name} exited with {process.returncode}; see its log")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{spec.name} was not ready within {timeout_s:.0f}s")


def up(data_dir: Path, *, demo: bool, pg_port: int, kafka_port: int) -> None:
    """Start everything, print where it is, and run until Ctrl-C or SIGTERM."""
    stop = {"requested": False}

    def request_stop(*_: object) -> None:
        stop["requested"] = True

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    services = discover_services()
    data_dir.mkdir(parents=True, exist_ok=True)
    print(f"starting infrastructure under {data_dir} ...", flush=True)
    infra = start_infrastructure(data_dir, pg_port=pg_port, kafka_port=kafka_port)
    processes: list[subprocess.Popen[bytes]] = []
    try:
        for spec in services:
            prepare_service(infra, spec)
            processes.append(_start_service(spec, infra, data_dir / "logs"))
        for spec, process in zip(services, processes, strict=True):
            _wait_ready(spec, process, 60)
        settings = infra.settings("cli")
        token = mint_token(settings, sub="dev-admin", tenant=DEV_TENANT, roles=["network:admin"])
        urls = {s.name: f"http://127.0.0.1:{s.port}" for s in services}
        if demo:
            from backbone.devstack.demo import load_demo

            print("loading the demo network through the public API ...", flush=True)
            load_demo(urls, token)
        info = {
            "services": {name: {"url": url, "docs": f"{url}/docs"} for name, url in urls.items()},
            "database_url": infra.database_url,
            "kafka_bootstrap_servers": infra.bootstrap_servers,
            "tenant": DEV_TENANT,
            "admin_token": token,
        }
        (data_dir / "stack.json").write_text(json.dumps(info, indent=2))
        print(json.dumps(info, indent=2))
        print(f"Backbone is up (details in {data_dir / 'stack.json'}). Ctrl-C stops it.",
              flush=True)
        while not stop["requested"]:
            for spec, process in zip(services, processes, strict=True):
                if process.poll() is not None:
                    raise RuntimeError(f"{spec.name} stopped unexpectedly ({process.returncode})")
            time.sleep(0.5)
    finally:
        print("stopping ...", flush=True)
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
        infra.stop()
        (data_dir / "stack.json").unlink(missing_ok=True)
        print("stopped.", flush=True)
