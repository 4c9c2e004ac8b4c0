"""Measurement's events as measurement publishes them, applied through a service's own
consumer: how the tests of a service that keeps the measurement read model define
dimensions and indicators and change their figures without running measurement."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence

from backbone.contracts.measurement import events
from backbone.contracts.measurement.entities import (
    AcrossPlaces,
    AcrossTime,
    DimensionOption,
    Direction,
    Frequency,
    GapTrend,
    IndicatorKind,
    IndicatorStatus,
    ProgressStatus,
    StatusView,
    Trend,
    Unit,
)
from backbone.readmodels.feeds import Feed, new_entity


class MeasurementFeed(Feed):
    """Measurement's definitions and figures, announced as measurement announces them."""

    async def dimension(self, tenant: str, initiative_id: uuid.UUID, code: str,
                        options: Sequence[str], retired: Sequence[str] = ()) -> uuid.UUID:
        state = events.DimensionState(
            **new_entity(), initiative_id=initiative_id, code=code, name=code.title(),
            description="", options=[DimensionOption(code=o, label=o.title(),
                                                     retired=o in retired)
                                     for o in [*options, *retired]])
        await self.publish(tenant, events.DIMENSION_DEFINED, state, initiative_id)
        return state.id

    async def indicator(self, tenant: str, initiative_id: uuid.UUID, code: str,
                        dimension_ids: Sequence[uuid.UUID] = (),
                        goal_ids: Sequence[uuid.UUID] = (),
                        progress_status: ProgressStatus = ProgressStatus.NO_DATA,
                        status: IndicatorStatus = IndicatorStatus.ACTIVE) -> uuid.UUID:
        state = events.IndicatorState(
            **new_entity(), initiative_id=initiative_id, code=code, name=code.title(),
            definition="", unit=Unit.PERCENT, rate_multiplier=100.0,
            direction=Direction.INCREASE, kind=IndicatorKind.POPULATION,
            frequency=Frequency.ANNUAL, across_places=AcrossPlaces.SUM,
            across_time=AcrossTime.PERIODIC, dimension_ids=list(dimension_ids),
            goal_ids=list(goal_ids), data_source="", status=status, baseline_period=None,
            baseline_value=None, progress_status=progress_status)
        await self.publish(tenant, events.INDICATOR_DEFINED, state, initiative_id)
        return state.id

    async def status(self, tenant: str, initiative_id: uuid.UUID, indicator_id: uuid.UUID,
                     previous: ProgressStatus, status: ProgressStatus,
                     view: StatusView = StatusView.REVIEWED) -> None:
        change = events.IndicatorStatusChanged(
            indicator_id=indicator_id, initiative_id=initiative_id, code="indicator",
            view=view, previous_status=previous, status=status, latest=None, target=None)
        await self.publish(tenant, events.INDICATOR_STATUS_CHANGED, change, initiative_id,
                           subject=indicator_id)

    async def disparities(self, tenant: str, initiative_id: uuid.UUID,
                          indicator_id: uuid.UUID, dimension_id: uuid.UUID, dimension: str,
                          reference: str, trends: Mapping[str, Trend]) -> None:
        """The gaps of ``dimension``'s groups to ``reference``, each with its trend."""
        gaps = {Trend.NARROWING: (-10.0, -5.0), Trend.WIDENING: (-5.0, -10.0),
                Trend.STABLE: (-5.0, -5.0)}
        change = events.DisparitiesChanged(
            indicator_id=indicator_id, initiative_id=initiative_id, code="indicator",
            dimensions=[events.DimensionDisparities(
                dimension_id=dimension_id, dimension=dimension, reference_group=reference,
                reference_rule="best",
                trends=[GapTrend(group=group, first_period="2021", last_period="2025",
                                 first_gap=gaps[trend][0], last_gap=gaps[trend][1],
                                 trend=trend) for group, trend in sorted(trends.items())])])
        await self.publish(tenant, events.INDICATOR_DISPARITIES_CHANGED, change,
                           initiative_id, subject=indicator_id)
