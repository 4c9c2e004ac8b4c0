"""The library's measurement read model, fed through a consumer as measurement publishes:
indicators and dimensions kept by version, and the history of statuses and disparities in
the reviewed view only (staff's view never reaches other services)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from backbone.contracts.measurement import events
from backbone.contracts.measurement.entities import ProgressStatus, StatusView, Trend
from backbone.events.consumer import EventConsumer
from backbone.events.registry import Removed
from backbone.readmodels.measurement import (
    MEASUREMENT,
    DisparitiesSince,
    KnownDimension,
    KnownIndicator,
    ProgressStatusSince,
    subscriptions,
)
from backbone.readmodels.measurement.feed import MeasurementFeed
from backbone.settings import BaseServiceSettings

INITIATIVE = uuid.UUID("00000000-0000-4000-8000-000000000001")


@pytest.fixture
async def feed(lib_settings: BaseServiceSettings, sessionmaker: async_sessionmaker[AsyncSession],
               owner_engine: AsyncEngine) -> AsyncIterator[MeasurementFeed]:
    async with owner_engine.begin() as conn:
        await conn.run_sync(MEASUREMENT.metadata.create_all)
    yield MeasurementFeed(EventConsumer(lib_settings, sessionmaker, subscriptions(),
                                        name=f"rm-{uuid.uuid4().hex[:8]}"))
    async with owner_engine.begin() as conn:
        await conn.run_sync(MEASUREMENT.metadata.drop_all)


async def _all(sessionmaker: async_sessionmaker[AsyncSession], table: Any,
               *order: Any) -> list[Any]:
    async with sessionmaker() as session:
        return list((await session.execute(select(table).order_by(*order))).scalars())


async def test_definitions_are_kept_and_removed_dimensions_go(
    feed: MeasurementFeed, sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    race = await feed.dimension("north", INITIATIVE, "race", ["black", "latino", "white"],
                                retired=["other"])
    goal = uuid.uuid4()
    indicator = await feed.indicator("north", INITIATIVE, "reading", [race], [goal])
    [dimension] = await _all(sessionmaker, KnownDimension)
    assert (dimension.code, [(o["code"], o["retired"]) for o in dimension.options]) == (
        "race", [("black", False), ("latino", False), ("white", False), ("other", True)])
    [known] = await _all(sessionmaker, KnownIndicator)
    assert (known.id, known.code, known.dimension_ids, known.goal_ids, known.progress_status) \
        == (indicator, "reading", [race], [goal], "no_data")
    await feed.publish("north", events.DIMENSION_DELETED,
                       Removed(id=race, initiative_id=INITIATIVE), INITIATIVE)
    assert await _all(sessionmaker, KnownDimension) == []


async def test_statuses_are_kept_with_their_history_in_the_reviewed_view_only(
    feed: MeasurementFeed, sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    indicator = await feed.indicator("north", INITIATIVE, "reading")
    await feed.status("north", INITIATIVE, indicator, ProgressStatus.NO_DATA,
                      ProgressStatus.ON_TRACK)
    # Staff's view of unreviewed data must not reach other services' read models.
    await feed.status("north", INITIATIVE, indicator, ProgressStatus.ON_TRACK,
                      ProgressStatus.TARGET_MET, view=StatusView.ALL)
    await feed.status("north", INITIATIVE, indicator, ProgressStatus.ON_TRACK,
                      ProgressStatus.OFF_TRACK)
    [known] = await _all(sessionmaker, KnownIndicator)
    assert known.progress_status == "off_track"
    history = await _all(sessionmaker, ProgressStatusSince, ProgressStatusSince.since)
    assert [h.status for h in history] == ["no_data", "on_track", "off_track"]
    assert history[0].since < history[1].since < history[2].since


async def test_disparities_are_kept_as_a_history(
    feed: MeasurementFeed, sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    race = await feed.dimension("north", INITIATIVE, "race", ["black", "latino", "white"])
    indicator = await feed.indicator("north", INITIATIVE, "reading", [race])
    await feed.disparities("north", INITIATIVE, indicator, race, "race", "white",
                           {"black": Trend.NARROWING, "latino": Trend.STABLE})
    await feed.disparities("north", INITIATIVE, indicator, race, "race", "white",
                           {"black": Trend.NARROWING, "latino": Trend.WIDENING})
    history = await _all(sessionmaker, DisparitiesSince, DisparitiesSince.since)
    assert [{t["group"]: t["trend"] for t in h.dimensions[0]["trends"]} for h in history] == [
        {"black": "narrowing", "latino": "stable"}, {"black": "narrowing", "latino": "widening"}]
    assert history[-1].dimensions[0]["dimension_id"] == str(race)
