"""A service as it runs in production: its own uvicorn process, pointed at the infrastructure
(and the gateway, the platform's base URL, in one of its own).

Used by ``backbone up``, the contract tests and the benchmarks.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from backbone.devstack.children import die_with_parent
from backbone.devstack.infra import Infrastructure, prepare_service
from backbone.devstack.ports import free_port
from backbone.service import ServiceSpec


class UvicornProcess:
    """An ASGI app factory (``module:function``) served by uvicorn on ``port``."""

    def __init__(self, name: str, app: str, port: int, log_file: Path,
                 env: dict[str, str]) -> None:
        self.name = name
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        log_file.parent.mkdir(parents=True, exist_ok=True)
        with log_file.open("ab") as log:
            self._process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
                [sys.executable, "-m", "uvicorn", "--factory", app, "--host", "127.0.0.1",
                 "--port", str(port), "--no-access-log"],
                env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT,
                preexec_fn=die_with_parent,
            )

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def exited(self) -> bool:
        return self._process.poll() is not None

    def wait_ready(self, timeout_s: float = 60) -> None:
        """Until ``/readyz`` answers 200 (database and broker reachable)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.exited:
                raise RuntimeError(f"{self.name} exited with {self._process.returncode}")
            try:
                if httpx.get(f"{self.url}/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise TimeoutError(f"{self.name} was not ready within {timeout_s:.0f}s")

    def kill(self) -> None:
        """As a crash would end it: no shutdown, connections dropped."""
        self._process.kill()
        self._process.wait()

    def stop(self) -> None:
        self._process.terminate()
        try:
            self._process.wait(15)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


class ServiceProcess(UvicornProcess):
    def __init__(self, spec: ServiceSpec, infra: Infrastructure, port: int, log_file: Path,
                 env: dict[str, str] | None = None) -> None:
        self.spec = spec
        super().__init__(spec.name, spec.app, port, log_file,
                         {**infra.settings_env(), "BACKBONE_MIGRATE_ON_START": "false",
                          **(env or {})})


class GatewayProcess(UvicornProcess):
    """The base URL, passing requests on to the services at ``upstreams`` (name -> URL)."""

    def __init__(self, upstreams: dict[str, str], port: int, log_file: Path) -> None:
        super().__init__("gateway", "backbone.gateway:create_app", port, log_file,
                         {"BACKBONE_GATEWAY_UPSTREAMS": json.dumps(upstreams)})


@contextmanager
def replicas_of(infra: Infrastructure, spec: ServiceSpec, database: str, count: int = 2,
                **env: str) -> Iterator[list[ServiceProcess]]:
    """``count`` processes of one service on one database of their own, as replicas run
    (each with ``env`` added to its environment); stopped after, unless already ended."""
    prepare_service(infra, spec, database_name=database)
    env = {"BACKBONE_DATABASE_NAME": database, "BACKBONE_LOG_LEVEL": "WARNING", **env}
    processes = [ServiceProcess(spec, infra, free_port(),
                                Path(tempfile.mkdtemp()) / f"{spec.name}-{n}.log", env=env)
                 for n in range(count)]
    try:
        for process in processes:
            process.wait_ready()
        yield processes
    finally:
        for process in processes:
            if not process.exited:
                process.stop()
