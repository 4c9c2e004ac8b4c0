"""What every benchmark stands on: a fresh embedded stack with one service running."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from backbone.devstack.infra import Infrastructure, prepare_service, start_infrastructure
from backbone.devstack.ports import free_port
from backbone.devstack.processes import ServiceProcess
from backbone.service import ServiceSpec

UNLIMITED = {f"BACKBONE_RATE_LIMIT_{kind}_PER_MINUTE": "0" for kind in ("READS", "WRITES",
                                                                       "BULK")}
"""A benchmark's load comes from one caller: rate limits would measure themselves."""


@contextmanager
def running(spec: ServiceSpec, env: dict[str, str] | None = None,
            postgres_settings: dict[str, str] | None = None,
            ) -> Iterator[tuple[Infrastructure, ServiceProcess]]:
    """PostgreSQL (with ``postgres_settings``) and Tansu on free ports (no fsync), and the
    service as its own process (with ``env`` added to its environment)."""
    infra = start_infrastructure(Path(tempfile.mkdtemp()), pg_port=free_port(),
                                 kafka_port=free_port(), durable=False,
                                 postgres_settings=postgres_settings)
    process = None
    try:
        prepare_service(infra, spec)
        process = ServiceProcess(spec, infra, free_port(),
                                 Path(tempfile.mkdtemp()) / f"{spec.name}.log",
                                 env={"BACKBONE_LOG_LEVEL": "WARNING", **UNLIMITED, **(env or {})})
        process.wait_ready()
        yield infra, process
    finally:
        if process is not None:
            process.stop()
        infra.stop()
