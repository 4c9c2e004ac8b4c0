"""Single-row reads on the asyncpg pool give what the ORM loads, and only in the tenant."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Date, Numeric, String, select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from backbone.db import TenantEntity, service_metadata
from backbone.errors import NotFound
from backbone.migrations import secure_database
from backbone.rows import RowQuery, Rows, TenantConnection
from backbone.settings import BaseServiceSettings


class Base(DeclarativeBase):
    metadata = service_metadata()


class Gadget(TenantEntity, Base):
    __tablename__ = "row_read_gadgets"

    name: Mapped[str] = mapped_column(String(50))
    settings: Mapped[dict[str, Any]] = mapped_column(JSONB)
    due: Mapped[date | None] = mapped_column(Date)
    # NUMERIC comes from asyncpg as Decimal: the type's result processor makes it a float.
    share: Mapped[float] = mapped_column(Numeric(asdecimal=False))


@pytest.fixture
async def rows(lib_settings: BaseServiceSettings, owner_engine: AsyncEngine
               ) -> AsyncIterator[Rows]:
    async with owner_engine.begin() as connection:
        await connection.run_sync(Gadget.__table__.create, checkfirst=True)  # type: ignore[attr-defined]
    await secure_database(lib_settings)  # row-level security on its tenant column
    reader = await Rows.open(lib_settings)
    yield reader
    await reader.close()


async def test_a_row_holds_what_the_orm_loads(
    rows: Rows, sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    gadget = Gadget(tenant="t1", name="gauge", settings={"unit": "%", "steps": [1, 2]},
                    due=date(2026, 3, 31), share=Decimal("0.25"))
    async with sessionmaker() as session, session.begin():
        session.add(gadget)
    async with sessionmaker() as session:
        loaded = await session.get(Gadget, gadget.id)
    assert loaded is not None

    row = await rows.owned(Gadget, "t1", gadget.id, "gadget")

    expected = {c.name: getattr(loaded, c.key) for c in Gadget.__table__.columns}
    assert row == expected
    assert {k: type(v) for k, v in row.items()} == {k: type(v) for k, v in expected.items()}
    assert type(row["share"]) is float
    assert row["settings"]["steps"] == [1, 2]
    # Read twice: the second read uses the statement and processors found by the first.
    assert await rows.owned(Gadget, "t1", gadget.id, "gadget") == row


async def test_another_tenants_row_and_an_unknown_id_are_not_found(
    rows: Rows, sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    gadget = Gadget(tenant="t1", name="private", settings={}, due=None, share=1.0)
    async with sessionmaker() as session, session.begin():
        session.add(gadget)

    for tenant, id_ in (("t2", gadget.id), ("t1", uuid.uuid4())):
        with pytest.raises(NotFound) as caught:
            await rows.owned(Gadget, tenant, id_, "gadget")
        assert "gadget" in caught.value.detail


async def test_a_query_that_forgets_its_tenant_finds_only_the_tenants_rows(
    rows: Rows, sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    """Row-level security: the pool's connection names the reader's tenant, and nothing
    but that tenant's rows reaches a statement, whatever it asks for."""
    tenants = [f"rls-{uuid.uuid4().hex[:6]}" for _ in range(2)]
    async with sessionmaker() as session, session.begin():
        session.add_all(Gadget(tenant=t, name=t, settings={}, due=None, share=1.0)
                        for t in tenants for _ in range(tenants.index(t) + 1))
    everything = RowQuery(select(Gadget.__table__.c.tenant))  # no WHERE at all
    for tenant in tenants:
        async with rows.reader(tenant) as reader:
            seen = [row[0] for row in await reader.all(everything, {})]
        assert seen == [tenant] * (tenants.index(tenant) + 1)


async def test_a_tenant_change_cut_short_is_named_again_on_the_next_use(
    rows: Rows, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A change of tenant whose answer never arrived (the caller was cancelled) leaves the
    connection's tenant unknown: the next use names its tenant, whichever it is."""
    real = TenantConnection.fetchval

    async def set_then_cancelled(self: TenantConnection, *args: Any) -> Any:
        await real(self, *args)  # the server names the tenant ...
        raise asyncio.CancelledError  # ... and the caller never learns it

    async with rows.connection("t1") as connection:
        monkeypatch.setattr(TenantConnection, "fetchval", set_then_cancelled)
        with pytest.raises(asyncio.CancelledError):
            await connection.name_tenant("t2")
        monkeypatch.setattr(TenantConnection, "fetchval", real)
        await connection.name_tenant("t1")
        assert await connection.fetchval("SELECT current_setting('backbone.tenant')") == "t1"
