"""Lists on the row pool: every row once across pages, filters only when given, one tenant;
and the index each list needs, without which it is refused."""

from __future__ import annotations

import enum
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict
from sqlalchemy import DateTime, Index, Integer, MetaData, String, Uuid, bindparam, func
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from backbone.db import TenantEntity, service_metadata
from backbone.http.pagination import PageParams
from backbone.listing import Listing
from backbone.rows import Rows
from backbone.settings import BaseServiceSettings
from backbone.testing import cached_plan


class Base(DeclarativeBase):
    metadata = service_metadata()


class Colour(enum.StrEnum):
    RED = "red"
    BLUE = "blue"


class Widget(TenantEntity, Base):
    __tablename__ = "listing_widgets"
    __table_args__ = (Index("ix_listing_widgets_list", "tenant", "updated_at", "id"),
                      Index("ix_listing_widgets_made", "tenant", "made_at", "id"))

    colour: Mapped[str] = mapped_column(String(10))
    size: Mapped[int] = mapped_column(Integer)
    made_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class WidgetRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    colour: Colour
    size: int
    made_at: datetime
    updated_at: datetime
    big: bool


BY_COLOUR = Listing(Widget, filters={"colour": Widget.colour == bindparam("colour"),
                                     "big": (Widget.size > 10) == bindparam("big")},
                    extra=[(Widget.size > 10).label("big")])
NEWEST_MADE = Listing(Widget, extra=[(Widget.size > 10).label("big")],
                      order=(Widget.made_at, Widget.id))


@pytest.fixture
async def rows(lib_settings: BaseServiceSettings,
               fresh_tables: Callable[[MetaData], AbstractAsyncContextManager[None]]
               ) -> AsyncIterator[Rows]:
    async with fresh_tables(Base.metadata):
        reader = await Rows.open(lib_settings)
        yield reader
        await reader.close()


async def _widgets(sessionmaker: async_sessionmaker[AsyncSession], tenant: str,
                   count: int) -> list[Widget]:
    """``count`` widgets, changed in order of creation, made in the reverse order."""
    start = datetime(2026, 1, 1, tzinfo=UTC)
    made = [Widget(tenant=tenant, colour=("red", "blue")[n % 2], size=n * 3,
                   made_at=start - timedelta(days=n),
                   updated_at=start + timedelta(seconds=n // 2))  # pairs share updated_at
            for n in range(count)]
    async with sessionmaker() as session, session.begin():
        session.add_all(made)
    return made


async def _all_pages(rows: Rows, tenant: str, listing: Listing, limit: int,
                     **values: Any) -> list[list[WidgetRead]]:
    pages, cursor = [], None
    async with rows.reader(tenant) as reader:
        while True:
            page = await listing.page(reader, PageParams(limit=limit, cursor=cursor),
                                      WidgetRead, **values)
            pages.append(page.items)
            if page.next_cursor is None:
                return pages
            cursor = page.next_cursor


async def test_pages_hold_every_row_once_oldest_change_first(
    rows: Rows, sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    tenant = f"list-{uuid.uuid4().hex[:6]}"
    made = await _widgets(sessionmaker, tenant, 9)
    await _widgets(sessionmaker, f"other-{uuid.uuid4().hex[:6]}", 3)
    expected = sorted(made, key=lambda w: (w.updated_at, w.id))

    pages = await _all_pages(rows, tenant, BY_COLOUR, 2)
    assert [len(p) for p in pages] == [2, 2, 2, 2, 1]
    seen = [item for page in pages for item in page]
    assert [w.id for w in seen] == [w.id for w in expected]
    assert seen[0] == WidgetRead.model_validate({**vars(expected[0]),
                                                 "big": expected[0].size > 10})

    since = expected[4].updated_at
    async with rows.reader(tenant) as reader:
        page = await BY_COLOUR.page(reader, PageParams(limit=50, updated_since=since),
                                    WidgetRead)
    assert [w.id for w in page.items] == [w.id for w in expected if w.updated_at >= since]


async def test_filters_apply_only_when_given_and_combine(
    rows: Rows, sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    tenant = f"list-{uuid.uuid4().hex[:6]}"
    made = await _widgets(sessionmaker, tenant, 10)

    async def ids(**values: Any) -> set[uuid.UUID]:
        pages = await _all_pages(rows, tenant, BY_COLOUR, 3, **values)
        return {item.id for page in pages for item in page}

    assert await ids() == {w.id for w in made}
    assert await ids(colour=None, big=None) == {w.id for w in made}
    assert await ids(colour=Colour.RED) == {w.id for w in made if w.colour == "red"}
    assert await ids(colour=Colour.BLUE, big=True) == {
        w.id for w in made if w.colour == "blue" and w.size > 10}
    assert await ids(big=False) == {w.id for w in made if w.size <= 10}


async def test_a_log_runs_newest_first_and_stops_at_updated_since(
    rows: Rows, sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    tenant = f"list-{uuid.uuid4().hex[:6]}"
    made = await _widgets(sessionmaker, tenant, 7)
    newest_first = sorted(made, key=lambda w: (w.made_at, w.id), reverse=True)

    pages = await _all_pages(rows, tenant, NEWEST_MADE, 3)
    assert [w.id for page in pages for w in page] == [w.id for w in newest_first]

    since = newest_first[2].made_at
    async with rows.reader(tenant) as reader:
        page = await NEWEST_MADE.page(reader, PageParams(limit=2, updated_since=since),
                                      WidgetRead)
        rest = await NEWEST_MADE.page(reader, PageParams(limit=2, updated_since=since,
                                                         cursor=page.next_cursor),
                                      WidgetRead)
    assert [w.id for w in page.items + rest.items] == [w.id for w in newest_first[:3]]
    assert rest.next_cursor is None


async def test_no_list_reaches_another_tenants_rows(
    rows: Rows, sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    ours, theirs = (f"list-{uuid.uuid4().hex[:6]}" for _ in range(2))
    await _widgets(sessionmaker, ours, 2)
    await _widgets(sessionmaker, theirs, 4)
    for listing in (BY_COLOUR, NEWEST_MADE):
        pages = await _all_pages(rows, ours, listing, 10)
        assert len(pages[0]) == 2
    async with sessionmaker() as session:
        total = await session.scalar(func.count(Widget.id).select().where(
            Widget.tenant.in_([ours, theirs])))
    assert total == 6


class OtherBase(DeclarativeBase):
    metadata = service_metadata()


class Gadget(TenantEntity, OtherBase):
    """Indexed in every way that does not serve a list by tenant, and in one that serves a
    list by kit."""

    __tablename__ = "listing_gadgets"
    __table_args__ = (
        Index("ix_listing_gadgets_no_id", "tenant", "updated_at"),
        Index("ix_listing_gadgets_order_first", "updated_at", "id", "tenant"),
        Index("ix_listing_gadgets_partial", "tenant", "updated_at", "id",
              postgresql_where="version > 1"),
        Index("ix_listing_gadgets_by_kit", "kit_id", "updated_at", "id"),
    )

    kit_id: Mapped[uuid.UUID] = mapped_column(Uuid)


def test_a_list_is_refused_without_an_index_that_reads_its_pages_in_order() -> None:
    with pytest.raises(TypeError, match="needs an index on tenant"):
        Listing(Gadget)
    with pytest.raises(TypeError, match="needs an index on kit_id"):
        Listing(Gadget, [Gadget.kit_id == bindparam("kit_id")], order=(Gadget.created_at,
                                                                        Gadget.id))
    Listing(Gadget, [Gadget.kit_id == bindparam("kit_id")])
    with pytest.raises(TypeError, match="needs an index on kit_id, version"):
        Listing(Gadget, [Gadget.kit_id == bindparam("kit_id"),
                         Gadget.version == bindparam("version")])


async def test_the_plan_cached_while_the_table_was_empty_reads_only_the_page(
    rows: Rows, lib_settings: BaseServiceSettings,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    """Made on an empty table with only the tenant's index, the cached plan read every row
    of the tenant and sorted them for each page."""

    async def grow() -> None:
        await _widgets(sessionmaker, "t1", 2000)

    plan = await cached_plan(lib_settings, BY_COLOUR._query(frozenset()).sql, "10, 't1', 11",
                             grow)
    assert "ix_listing_widgets_list" in plan, plan
    assert "Sort" not in plan, plan
