from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from agenda.app import SERVICE
from backbone.devstack.infra import Infrastructure, prepare_service
from backbone.devstack.ports import free_port
from backbone.devstack.processes import ServiceProcess
from backbone.testing import Tenant


@dataclass
class RunningService:
    url: str
    tenant: Tenant


@pytest.fixture(scope="session")
def agenda_server(infra: Infrastructure) -> Iterator[RunningService]:
    """The agenda service as it runs in production: its own uvicorn process."""
    prepare_service(infra, SERVICE)
    process = ServiceProcess(SERVICE, infra, free_port(), Path(tempfile.mkdtemp()) / "agenda.log",
                             env={"BACKBONE_LOG_LEVEL": "WARNING"})
    try:
        process.wait_ready()
        yield RunningService(process.url, Tenant(infra.settings("agenda")))
    finally:
        process.stop()
