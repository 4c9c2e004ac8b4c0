"""The lookup by id: the tenant is checked on the row it finds, and the plan PostgreSQL
caches for it keeps using the primary key however the table has grown since."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager

import pytest
from sqlalchemy import MetaData, String
from sqlalchemy.dialects.postgresql.asyncpg import PGDialect_asyncpg
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from backbone.db import TenantEntity, service_metadata
from backbone.errors import NotFound
from backbone.repository import by_id, get_owned
from backbone.rows import Rows
from backbone.settings import BaseServiceSettings
from backbone.testing import cached_plan


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
    """Made on an empty table, a plan for ``id`` and ``tenant`` took the tenant's index and
    read all of the tenant's rows."""

    async def grow() -> None:
        async with owner_engine.begin() as owner:
            await owner.exec_driver_sql(
                "INSERT INTO lookup_by_id_sprockets (id, tenant, name, version, created_at, "
                "updated_at) SELECT gen_random_uuid(), 't1', 'cog', 1, now(), now() "
                "FROM generate_series(1, 2000)")

    sql = str(by_id(Sprocket).compile(dialect=PGDialect_asyncpg()))
    plan = await cached_plan(lib_settings, sql, f"'{uuid.uuid4()}'::uuid", grow)
    assert "pk_lookup_by_id_sprockets" in plan, plan
