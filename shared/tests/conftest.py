from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import asyncpg
import pytest
from sqlalchemy import MetaData
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from backbone.db import ALL_TENANTS, TENANT_SETTING, TenantSession, create_engine
from backbone.devstack.infra import Infrastructure
from backbone.events.inbox import InboxMessage
from backbone.events.kafka import ensure_topics
from backbone.events.outbox import OutboxMessage
from backbone.http.idempotency import IdempotencyRecord
from backbone.migrations import ensure_database, secure_database
from backbone.settings import BaseServiceSettings

DATABASE = "backbone_library_test"
APP_USER = "backbone_library_app"
"""The role every throwaway service of these tests runs as."""


@pytest.fixture(scope="session")
async def library_database(infra: Infrastructure) -> str:
    settings = infra.settings("library", database_name=DATABASE, database_app_user=APP_USER)
    await ensure_database(settings)
    engine = create_engine(settings, as_owner=True)
    async with engine.begin() as conn:
        for table in (OutboxMessage.__table__, InboxMessage.__table__,
                      IdempotencyRecord.__table__):
            await conn.run_sync(table.drop, checkfirst=True)
            await conn.run_sync(table.create)
        await conn.exec_driver_sql("DROP TABLE IF EXISTS effects")
        await conn.exec_driver_sql(
            "CREATE TABLE effects (event_id uuid NOT NULL, consumer text NOT NULL)")
    await engine.dispose()
    await secure_database(settings)
    return DATABASE


@pytest.fixture
async def lib_settings(infra: Infrastructure, library_database: str) -> BaseServiceSettings:
    """Settings of a throwaway service with its own topics (database shared by the tests)."""
    settings = infra.settings(
        f"lib{uuid.uuid4().hex[:8]}", database_name=library_database, database_app_user=APP_USER,
        outbox_poll_interval_s=0.2, consumer_max_attempts=2, consumer_retry_backoff_s=0.01,
    )
    await ensure_topics(infra.bootstrap_servers, [settings.topic, settings.dead_letter_topic], 3)
    return settings


@pytest.fixture
async def sessionmaker(
    lib_settings: BaseServiceSettings,
) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Sessions of the service's role, seeing every tenant unless told otherwise (consumers
    name each event's tenant)."""
    engine = create_engine(lib_settings)
    yield async_sessionmaker(engine, expire_on_commit=False, sync_session_class=TenantSession,
                             info={TENANT_SETTING: ALL_TENANTS})
    await engine.dispose()


@pytest.fixture
async def owner_engine(lib_settings: BaseServiceSettings) -> AsyncIterator[AsyncEngine]:
    """The owner of the tables, for making tables the tests need."""
    engine = create_engine(lib_settings, as_owner=True)
    yield engine
    await engine.dispose()


@pytest.fixture
def fresh_tables(lib_settings: BaseServiceSettings, owner_engine: AsyncEngine
                 ) -> Callable[[MetaData], AbstractAsyncContextManager[None]]:
    """Makes a test's tables anew (row-level security on their tenant columns, as a
    service's migrations set it up) and drops them afterwards."""

    @asynccontextmanager
    async def tables(metadata: MetaData) -> AsyncIterator[None]:
        async with owner_engine.begin() as connection:
            await connection.run_sync(metadata.drop_all)
            await connection.run_sync(metadata.create_all)
        await secure_database(lib_settings)
        try:
            yield
        finally:
            async with owner_engine.begin() as connection:
                await connection.run_sync(metadata.drop_all)

    return tables


@pytest.fixture
async def raw_db(lib_settings: BaseServiceSettings) -> AsyncIterator[asyncpg.Connection]:
    conn = await asyncpg.connect(lib_settings.owner_asyncpg_dsn)
    await conn.execute("DELETE FROM outbox WHERE published_at IS NULL")
    yield conn
    await conn.close()
