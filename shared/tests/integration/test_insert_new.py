"""``insert_new`` writes the row a flush would, and leaves the entity in the session as if
loaded: later changes are updates, related objects cascade, constraint errors are
SQLAlchemy's."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

import pytest
from sqlalchemy import (
    BigInteger,
    ForeignKey,
    Identity,
    MetaData,
    String,
    UniqueConstraint,
    func,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import DeclarativeBase, Mapped, column_property, mapped_column, relationship

from backbone.db import TenantEntity, service_metadata, violated_unique_constraint
from backbone.repository import insert_new


class Base(DeclarativeBase):
    metadata = service_metadata()


class Widget(TenantEntity, Base):
    __tablename__ = "insert_new_widgets"

    name: Mapped[str] = mapped_column(String(50))
    tags: Mapped[list[str]] = mapped_column(JSONB, default=list)
    settings: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    parts: Mapped[list[WidgetPart]] = relationship(cascade="all, delete-orphan",
                                                   lazy="selectin")
    __table_args__ = (UniqueConstraint("tenant", "name"),)


class WidgetPart(Base):
    __tablename__ = "insert_new_widget_parts"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    tenant: Mapped[str] = mapped_column(String(100))
    widget_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("insert_new_widgets.id"))
    label: Mapped[str] = mapped_column(String(50))


class Numbered(Base):
    __tablename__ = "insert_new_numbered"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    tenant: Mapped[str] = mapped_column(String(100))
    seq: Mapped[int] = mapped_column(BigInteger, Identity())


class Counted(Base):
    __tablename__ = "insert_new_counted"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    tenant: Mapped[str] = mapped_column(String(100))


Counted.parts = column_property(select(func.count(WidgetPart.id)).scalar_subquery())


@pytest.fixture
async def tables(fresh_tables: Callable[[MetaData], AbstractAsyncContextManager[None]]
                 ) -> AsyncIterator[None]:
    async with fresh_tables(Base.metadata):
        yield


async def _stored(session: AsyncSession, id_: uuid.UUID) -> dict[str, Any]:
    row = (await session.execute(
        text("SELECT * FROM insert_new_widgets WHERE id = :id"), {"id": id_})).mappings().one()
    return dict(row)


async def test_it_stores_the_row_a_flush_stores(
    tables: None, sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    inserted = Widget(tenant="t1", name="inserted", settings={"steps": [1, 2]})
    added = Widget(tenant="t1", name="added", settings={"steps": [1, 2]})
    async with sessionmaker() as session, session.begin():
        await insert_new(session, inserted)
        session.add(added)
    assert inserted.version == 1
    assert inserted.tags == []
    async with sessionmaker() as session:
        by_insert, by_flush = await _stored(session, inserted.id), await _stored(session,
                                                                                  added.id)
    ignored = {"id", "name", "created_at", "updated_at"}
    assert {k: v for k, v in by_insert.items() if k not in ignored} == \
        {k: v for k, v in by_flush.items() if k not in ignored}
    assert by_insert["settings"] == {"steps": [1, 2]}
    assert by_insert["tags"] == []
    assert by_insert["created_at"] == inserted.created_at


async def test_a_change_after_the_insert_is_written_as_an_update(
    tables: None, sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    widget = Widget(tenant="t1", name="first")
    async with sessionmaker() as session, session.begin():
        await insert_new(session, widget)
        widget.name = "second"
        widget.touch()
    async with sessionmaker() as session:
        stored = await _stored(session, widget.id)
    assert (stored["name"], stored["version"]) == ("second", 2)


async def test_related_objects_it_holds_are_written_with_it(
    tables: None, sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    widget = Widget(id=uuid.uuid4(), tenant="t1", name="with parts")
    widget.parts = [WidgetPart(tenant="t1", widget_id=widget.id, label="bolt")]
    async with sessionmaker() as session, session.begin():
        await insert_new(session, widget)
        widget.parts.append(WidgetPart(tenant="t1", widget_id=widget.id, label="nut"))
    async with sessionmaker() as session:
        labels = (await session.scalars(select(WidgetPart.label).where(
            WidgetPart.widget_id == widget.id).order_by(WidgetPart.label))).all()
    assert labels == ["bolt", "nut"]


async def test_a_violated_constraint_is_sqlalchemys_integrity_error(
    tables: None, sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    """As a flush raises it: the writer's retries and the services' constraint checks
    read it."""
    async with sessionmaker() as session, session.begin():
        await insert_new(session, Widget(tenant="t1", name="taken"))
    with pytest.raises(IntegrityError) as raised:
        async with sessionmaker() as session, session.begin():
            await insert_new(session, Widget(tenant="t1", name="taken"))
    assert violated_unique_constraint(raised.value) == "uq_insert_new_widgets_tenant"


async def test_what_only_a_flush_gives_is_refused(
    tables: None, sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    """A value the database generates, or an attribute computed by a query."""
    async with sessionmaker() as session, session.begin():
        with pytest.raises(TypeError, match="seq"):
            await insert_new(session, Numbered(tenant="t1"))
        with pytest.raises(TypeError, match="Counted"):
            await insert_new(session, Counted(tenant="t1"))
