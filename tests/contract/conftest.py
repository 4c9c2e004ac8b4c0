from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from agenda.app import SERVICE
from backbone.devstack.infra import Infrastructure, prepare_service
from backbone.devstack.ports import free_port, wait_for_port
from backbone.testing import Tenant


@dataclass
class RunningService:
    url: str
    tenant: Tenant


@pytest.fixture(scope="session")
def agenda_server(infra: Infrastructure) -> Iterator[RunningService]:
    """The agenda service as it runs in production: its own uvicorn process."""
    prepare_service(infra, SERVICE)
    port = free_port()
    log = Path(tempfile.mkdtemp()) / "agenda.log"
    env = {**os.environ, **infra.settings_env(), "BACKBONE_MIGRATE_ON_START": "false",
           "BACKBONE_LOG_LEVEL": "WARNING"}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", SERVICE.app, "--port", str(port),
             "--no-access-log"], env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, 60, "agenda")
        url = f"http://127.0.0.1:{port}"
        assert httpx.get(f"{url}/readyz", timeout=10).status_code == 200
        yield RunningService(url, Tenant(infra.settings("agenda")))
    finally:
        process.terminate()
        process.wait(15)
