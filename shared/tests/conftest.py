from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from backbone.db import create_engine, create_sessionmaker
from backbone.devstack.infra import Infrastructure
from backbone.events.inbox import InboxMessage
from backbone.events.kafka import ensure_topics
from backbone.events.outbox import OutboxMessage
from backbone.migrations import ensure_database
from backbone.settings import BaseServiceSettings

DATABASE = "backbone_library_test"


@pytest.fixture(scope="session")
async def library_database(infra: Infrastructure) -> str:
    settings = infra.settings("library", database_name=DATABASE)
    await ensure_database(settings)
    engine = create_engine(settings)
    async with engine.begin() as conn:
        for table in (OutboxMessage.__table__, InboxMessage.__table__):
            await conn.run_sync(table.drop, checkfirst=True)
            await conn.run_sync(table.create)
        await conn.exec_driver_sql("DROP TABLE IF EXISTS effects")
        await conn.exec_driver_sql(
            "CREATE TABLE effects (event_id uuid NOT NULL, consumer text NOT NULL)")
    await engine.dispose()
    return DATABASE


@pytest.fixture
async def lib_settings(infra: Infrastructure, library_database: str) -> BaseServiceSettings:
    """Settings of a throwaway service with its own topics (database shared by the tests)."""
    settings = infra.settings(
        f"lib{uuid.uuid4().hex[:8]}", database_name=library_database,
        outbox_poll_interval_s=0.2, consumer_max_attempts=2, consumer_retry_backoff_s=0.01,
    )
    await ensure_topics(infra.bootstrap_servers, [settings.topic, settings.dead_letter_topic], 3)
    return settings


@pytest.fixture
async def sessionmaker(
    lib_settings: BaseServiceSettings,
) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(lib_settings)
    yield create_sessionmaker(engine)
    await engine.dispose()


@pytest.fixture
async def raw_db(lib_settings: BaseServiceSettings) -> AsyncIterator[asyncpg.Connection]:
    conn = await asyncpg.connect(lib_settings.asyncpg_dsn)
    await conn.execute("DELETE FROM outbox WHERE published_at IS NULL")
    yield conn
    await conn.close()
