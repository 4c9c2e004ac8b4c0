"""Pytest fixtures: real PostgreSQL and a real Kafka-protocol broker for every test run.

The embedded stack is started once per session on free ports (fsync off, data in a temp
folder) unless ``BACKBONE_DATABASE_URL`` / ``BACKBONE_KAFKA_BOOTSTRAP_SERVERS`` name
external ones. Tests isolate themselves by tenant: each makes a fresh one.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
import sqlalchemy as sa
from aiokafka import AIOKafkaConsumer
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from fastapi import FastAPI
from sqlalchemy.engine import Connection

from backbone.auth.tokens import mint_token
from backbone.consistency import HEADER
from backbone.db import ALL_TENANTS, TENANT_SETTING, LibraryBase, SessionFactory, create_engine
from backbone.devstack.infra import Infrastructure, prepare_service, start_infrastructure
from backbone.devstack.ports import free_port
from backbone.events.envelope import CloudEvent
from backbone.events.outbox import NOTIFY_TRIGGER
from backbone.service import ServiceSpec
from backbone.settings import BaseServiceSettings


def pytest_configure(config: pytest.Config) -> None:
    """Record spans in tests (services record them only when exporting), so the tracing
    code runs and its spans can be checked."""
    os.environ.setdefault("OTEL_TRACES_SAMPLER", "parentbased_always_on")


MakeEntity = Callable[..., Awaitable[dict[str, Any]]]
"""A fixture that creates an entity through the API and returns its JSON."""


@pytest.fixture(scope="session")
def infra() -> Iterator[Infrastructure]:
    data_dir = Path(tempfile.mkdtemp(prefix="backbone-test-"))
    stack = start_infrastructure(data_dir, pg_port=free_port(), kafka_port=free_port(),
                                 durable=False)
    try:
        yield stack
    finally:
        stack.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


@dataclass
class Tenant:
    """A fresh tenant with tokens for its callers."""

    settings: BaseServiceSettings
    name: str = field(default_factory=lambda: f"t-{uuid.uuid4().hex[:12]}")

    def token(self, *roles: str, org: uuid.UUID | None = None, sub: str = "tester") -> str:
        return mint_token(self.settings, sub=sub, tenant=self.name, roles=list(roles), org=org)

    def headers(self, *roles: str, org: uuid.UUID | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(*roles, org=org)}"}

    @property
    def admin(self) -> dict[str, str]:
        return self.headers("network:admin")


@dataclass
class RunningService:
    """A service in its own uvicorn process, and the tenant a test uses on it."""

    url: str
    tenant: Tenant

    TIMEOUT_S = 60.0
    """Above the services' consistency wait in tests (``CONSISTENCY_WAIT_S``)."""
    CONSISTENCY_WAIT_S = 30.0
    """Long enough for a consumer group's rebalance, when another replica joins."""

    def client(self, headers: dict[str, str] | None = None) -> httpx.Client:
        """A client as the tenant's network admin (or with ``headers``)."""
        return httpx.Client(base_url=self.url, headers=headers or self.tenant.admin,
                            timeout=self.TIMEOUT_S)

    def async_client(self, headers: dict[str, str] | None = None) -> httpx.AsyncClient:
        return httpx.AsyncClient(base_url=self.url, headers=headers or self.tenant.admin,
                                 timeout=self.TIMEOUT_S)


@dataclass
class Network:
    """An initiative (with a goal) created in agenda, and the consistency token of the goal's
    creation: sent to another service, it waits until both have arrived there."""

    initiative_id: str
    goal_id: str
    token: str

    @property
    def consistent(self) -> dict[str, str]:
        return {HEADER: self.token}


@pytest.fixture
def tenant(infra: Infrastructure) -> Tenant:
    return Tenant(infra.settings("test"))


@pytest.fixture
def other_tenant(infra: Infrastructure) -> Tenant:
    return Tenant(infra.settings("test"))


async def collect_events(
    bootstrap_servers: str, topic: str, *, until: Any, timeout_s: float = 20.0
) -> list[CloudEvent]:
    """Read ``topic`` from the beginning until ``until(events)`` is true (or time runs out)."""
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap_servers,
                                auto_offset_reset="earliest", enable_auto_commit=False)
    await consumer.start()
    events: list[CloudEvent] = []
    try:
        deadline = asyncio.get_running_loop().time() + timeout_s
        while not until(events) and asyncio.get_running_loop().time() < deadline:
            for records in (await consumer.getmany(timeout_ms=200)).values():
                events.extend(CloudEvent.from_kafka(r.headers, r.value) for r in records)
    finally:
        await consumer.stop()
    return events


def wait_for_a_fresh_window(needed_s: float = 15.0) -> float:
    """How long to wait for a rate limit window (a minute) with ``needed_s`` left in it, so
    a test's requests are all counted in one window (0 when this one will do)."""
    left = 60 - time.time() % 60
    return left + 0.05 if left < needed_s else 0.0


async def wait_until(condition: Callable[[], Awaitable[bool]], timeout_s: float = 30.0) -> None:
    """Poll an async condition until it holds; fail the test when time runs out."""
    deadline = asyncio.get_running_loop().time() + timeout_s
    while not await condition():
        if asyncio.get_running_loop().time() > deadline:
            pytest.fail(f"condition not reached within {timeout_s}s")
        await asyncio.sleep(0.1)


@asynccontextmanager
async def service_app(
    infra: Infrastructure, spec: ServiceSpec, factory: Callable[[Any], FastAPI],
    settings_class: type[BaseServiceSettings], **overrides: Any,
) -> AsyncIterator[FastAPI]:
    """A service's app on the test infrastructure, migrated, with its lifespan running.

    ``overrides`` may name the service's own settings as well as the library's."""
    await asyncio.to_thread(prepare_service, infra, spec)
    base = infra.settings(spec.name, migrate_on_start=False, log_json=False,
                          log_level="WARNING")
    app = factory(settings_class(**{**base.model_dump(), **overrides}))
    async with app.router.lifespan_context(app):
        yield app


def every_tenant(app: FastAPI) -> SessionFactory:
    """Sessions of a running service app that see every tenant's rows (row-level security
    shows a session only the tenant it names): for tests that look at what was stored."""
    factory: SessionFactory = app.state.sessionmaker.for_tenant(ALL_TENANTS)
    return factory


@asynccontextmanager
async def client(app: FastAPI, name: str) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=f"http://{name}") as api:
        yield api


async def schema_differences(settings: BaseServiceSettings, *metadata: sa.MetaData) -> list[Any]:
    """What the migrated database lacks or has beyond the models (the service's and those
    of its read models; empty when they agree).

    Alembic compares tables, columns and indexes; triggers are compared here: the only one
    is the library's outbox trigger.
    """
    merged = sa.MetaData()
    for tables in (LibraryBase.metadata, *metadata):
        for table in tables.tables.values():
            table.to_metadata(merged)

    def compare(connection: Connection) -> list[Any]:
        differences: list[Any] = list(
            compare_metadata(MigrationContext.configure(connection), merged))
        triggers = set(connection.scalars(sa.text(
            "SELECT tgrelid::regclass::text || '.' || tgname FROM pg_trigger "
            "WHERE NOT tgisinternal")))
        if triggers != {f"outbox.{NOTIFY_TRIGGER}"}:
            differences.append(("triggers", sorted(triggers)))
        return differences

    engine = create_engine(settings, as_owner=True)
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(compare)
    finally:
        await engine.dispose()


async def cached_plan(settings: BaseServiceSettings, sql: str, arguments: str,
                      grow: Callable[[], Awaitable[None]]) -> str:
    """The plan a statement runs by after its table grew: prepared and executed six times
    while the table is empty (PostgreSQL then caches a generic plan, kept until the table
    is analysed), then, after ``grow``, explained as executed with ``arguments`` (SQL
    literals). Runs as the service's role, in tenant ``t1``."""
    connection = await asyncpg.connect(settings.asyncpg_dsn)
    try:
        await connection.execute("SELECT set_config($1, 't1', false)", TENANT_SETTING)
        await connection.execute(f"PREPARE cached AS {sql}")
        for _ in range(6):
            await connection.fetch(f"EXECUTE cached({arguments})")
        await grow()
        explained = "\n".join(row[0] for row in await connection.fetch(
            f"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) EXECUTE cached({arguments})"))
        generic = await connection.fetchval(
            "SELECT generic_plans FROM pg_prepared_statements WHERE name = 'cached'")
    finally:
        await connection.close()
    assert generic >= 1, "the plan looked at must be the generic one"
    return explained
