"""Single-row reads on the asyncpg pool give what the ORM loads, and only in the tenant."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Date, Numeric, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from backbone.db import TenantEntity, service_metadata
from backbone.errors import NotFound
from backbone.rows import Rows
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
async def rows(lib_settings: BaseServiceSettings,
               sessionmaker: async_sessionmaker[AsyncSession]) -> AsyncIterator[Rows]:
    async with sessionmaker() as session, session.begin():
        connection = await session.connection()
        await connection.run_sync(Gadget.__table__.create, checkfirst=True)  # type: ignore[attr-defined]
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
