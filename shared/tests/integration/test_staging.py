"""Staging tables: rows copied in are the transaction's own, and gone when it ends."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from backbone.settings import BaseServiceSettings
from backbone.staging import StagingTable

STAGING = StagingTable("gadget_staging", [("n", "int"), ("label", "text")],
                       generated=[("made", "boolean DEFAULT true")])


@pytest.fixture
async def one_connection(lib_settings: BaseServiceSettings
                         ) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Sessions that all run on the same pooled connection, one after the other."""
    engine = create_async_engine(lib_settings.sqlalchemy_url, pool_size=1, max_overflow=0)
    yield async_sessionmaker(engine)
    await engine.dispose()


async def staged(session: AsyncSession) -> list[tuple[int, str, bool]]:
    result = await session.execute(text("SELECT n, label, made FROM gadget_staging ORDER BY n"))
    return [(n, label, made) for n, label, made in result.tuples()]


async def test_copied_rows_are_read_in_the_transaction_and_gone_after_it(
        one_connection: async_sessionmaker[AsyncSession]) -> None:
    async with one_connection() as session, session.begin():
        connection = await STAGING.fill(session, [(1, "one"), (2, "two")])
        assert await connection.fetchval("SELECT sum(n) FROM gadget_staging") == 3
        assert await staged(session) == [(1, "one", True), (2, "two", True)]
    async with one_connection() as session, session.begin():
        assert await staged(session) == []  # the same connection's table, emptied
        await STAGING.fill(session, [(3, "three")])
        assert await staged(session) == [(3, "three", True)]


async def test_a_second_fill_in_one_transaction_replaces_the_first(
        one_connection: async_sessionmaker[AsyncSession]) -> None:
    async with one_connection() as session, session.begin():
        await STAGING.fill(session, [(1, "one"), (2, "two")])
        await STAGING.fill(session, [(5, "five")])
        assert await staged(session) == [(5, "five", True)]


async def test_a_rolled_back_first_fill_does_not_break_the_next(
        one_connection: async_sessionmaker[AsyncSession]) -> None:
    async with one_connection() as session:
        async with session.begin():
            await STAGING.fill(session, [(1, "one")])
            await session.rollback()  # the table's creation is undone with the rows
        async with session.begin():
            await STAGING.fill(session, [(2, "two")])
            assert await staged(session) == [(2, "two", True)]


async def test_each_connection_sees_only_its_own_rows(
        sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    async with sessionmaker() as first, first.begin(), sessionmaker() as second, \
            second.begin():
        await STAGING.fill(first, [(1, "first")])
        await STAGING.fill(second, [(2, "second")])
        assert await staged(first) == [(1, "first", True)]
        assert await staged(second) == [(2, "second", True)]
