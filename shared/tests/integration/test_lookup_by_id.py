"""The lookup by id: the tenant is checked on the row it finds, and the plan PostgreSQL
caches for it keeps using the primary key however the table has grown since."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager

import asyncpg
import pytest
from sqlalchemy import MetaData, String
from sqlalchemy.dialects.postgresql.asyncpg import PGDialect_asyncpg
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from backbone.db import TENANT_SETTING, TenantEntity, service_metadata
from backbone.errors import NotFound
from backbone.repository import by_id, get_owned
from backbone.rows import Rows
from backbone.settings import BaseServiceSettings


class Base(DeclarativeBase):
    metadata = service_metadata()


class Sprocket(TenantEntity, Base):
    """Indexed by tenant, as every tenant-owned table is."""

    __tablename__ = "lookup_by_id_sprockets"

    name: Mapped[str] = mapped_column(String(50))


@pytest.fixture
async def table(fresh_tables: Callable[[MetaData], AbstractAsyncContextManager[None]]
                 ) -> AsyncIterator[None]:
    async with fresh_tables(Base.metadata):
        yield


async def test_another_tenants_id_is_not_found_even_where_every_tenant_is_visible(
    table: None, lib_settings: BaseServiceSettings,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    """These sessions see every tenant (as workers' do): the row is found, and the check
    on it still answers 404 for another tenant."""
    sprocket = Sprocket(tenant="t1", name="cog")
    async with sessionmaker() as session, session.begin():
        session.add(sprocket)
    async with sessionmaker() as session:
        assert (await get_owned(session, Sprocket, "t1", sprocket.id, "sprocket")).name == "cog"
        with pytest.raises(NotFound):
            await get_owned(session, Sprocket, "t2", sprocket.id, "sprocket")
    rows = await Rows.open(lib_settings)
    try:
        assert (await rows.owned(Sprocket, "t1", sprocket.id, "sprocket"))["name"] == "cog"
        with pytest.raises(NotFound):
            await rows.owned(Sprocket, "t2", sprocket.id, "sprocket")
    finally:
        await rows.close()


async def test_the_plan_cached_while_the_table_was_empty_uses_the_primary_key(
    table: None, lib_settings: BaseServiceSettings, owner_engine: AsyncEngine,
) -> None:
    """PostgreSQL switches a prepared statement to a generic plan after five executions
    and keeps it until the table is analysed; made on an empty table, a plan for ``id``
    and ``tenant`` took the tenant's index and read all of the tenant's rows."""
    sql = str(by_id(Sprocket).compile(dialect=PGDialect_asyncpg()))
    connection = await asyncpg.connect(lib_settings.asyncpg_dsn)
    try:
        await connection.execute("SELECT set_config($1, 't1', false)", TENANT_SETTING)
        await connection.execute(f"PREPARE lookup(uuid) AS {sql}")
        for _ in range(6):
            await connection.fetch(f"EXECUTE lookup('{uuid.uuid4()}')")
        async with owner_engine.begin() as owner:
            await owner.exec_driver_sql(
                "INSERT INTO lookup_by_id_sprockets (id, tenant, name, version, created_at, "
                "updated_at) SELECT gen_random_uuid(), 't1', 'cog', 1, now(), now() "
                "FROM generate_series(1, 2000)")
        plan = "\n".join(row[0] for row in await connection.fetch(
            f"EXPLAIN EXECUTE lookup('{uuid.uuid4()}')"))
        generic = await connection.fetchval(
            "SELECT generic_plans FROM pg_prepared_statements WHERE name = 'lookup'")
    finally:
        await connection.close()
    assert generic >= 1, "the test must look at the generic plan"
    assert "pk_lookup_by_id_sprockets" in plan, plan
