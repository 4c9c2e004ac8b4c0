"""Keeping each indicator's figures current after its data changes: the small-cell
decisions, the overall progress status in each view, and the disparities between groups as
viewers see them, announcing every change."""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.contracts.measurement.entities import ObservationStatus, StatusView
from backbone.contracts.measurement.events import (
    INDICATOR_DISPARITIES_CHANGED,
    INDICATOR_STATUS_CHANGED,
    DimensionDisparities,
    DisparitiesChanged,
    IndicatorStatusChanged,
)
from backbone.events.registry import DomainEvent
from measurement.domain.cells import Scheme
from measurement.events import outbox
from measurement.models import Dimension, Indicator, Initiative
from measurement.service import series_query
from measurement.service.analysis import ALL_VISIBLE, Analysis, Filters, View
from measurement.service.context import schemes_for
from measurement.service.disclosure import decide_again

VIEWS = {
    StatusView.REVIEWED: ("progress_status", lambda i: View((ObservationStatus.APPROVED,),
                                                            i.min_cell_size)),
    StatusView.ALL: ("staff_progress_status", lambda i: View(ALL_VISIBLE, None)),
}


async def refresh_status(session: AsyncSession, indicator: Indicator, initiative: Initiative,
                         reviewed_periods: Collection[str] | None = (), *,
                         only_data: bool = False,
                         changed_periods: Collection[str] | None = None) -> None:
    """Decide the small cells of ``reviewed_periods`` (the periods whose approved data
    changed; None: all) again, then recompute the overall status in each view and, if
    reviewed data changed, the disparities; publish each change.

    ``only_data``: the caller changed observations and nothing else (no rule, target or
    setting); then, unless approved data changed, only the staff view can have a new
    status, and the reviewed view is not recomputed. ``changed_periods``: the only periods
    whose observations (of any status) the caller changed, if it knows them; figures kept
    from the data before are then read again for those periods only.

    The indicator row is locked, so concurrent writers decide and announce each change
    once. These are derived data: they do not change the indicator's version (ETag).
    """
    previous = await session.scalar(select(Indicator.data_version).where(
        Indicator.id == indicator.id).with_for_update(key_share=True))
    indicator.data_version = uuid.uuid4()  # never seen by anyone if this is rolled back
    if previous is not None and changed_periods is not None:
        series_query.follows(indicator.data_version, previous, changed_periods)
    await decide_again(session, indicator, initiative, reviewed_periods)
    reviewed_unchanged = only_data and reviewed_periods is not None and not reviewed_periods
    for view, (column, make_view) in VIEWS.items():
        if view is StatusView.REVIEWED and reviewed_unchanged:
            continue
        analysis = Analysis(indicator, initiative, Scheme(), make_view(initiative))
        overall = (await analysis.progress(session, Filters(), None)).overall
        previous = getattr(indicator, column)
        if overall.status.value == previous:
            continue
        setattr(indicator, column, overall.status.value)
        outbox.add(session, DomainEvent(
            event_type=INDICATOR_STATUS_CHANGED, tenant=indicator.tenant,
            subject=indicator.id, initiative=indicator.initiative_id,
            data=IndicatorStatusChanged(
                indicator_id=indicator.id, initiative_id=indicator.initiative_id,
                code=indicator.code, view=view, previous_status=previous,
                status=overall.status, latest=overall.latest, target=overall.target),
        ))
    if reviewed_periods is None or reviewed_periods:
        await refresh_disparities(session, indicator, initiative)


async def refresh_disparities(session: AsyncSession, indicator: Indicator,
                              initiative: Initiative) -> None:
    """For each of the indicator's dimensions, how each group's gap to the best-performing
    group changed, as viewers see it (approved data, small cells suppressed, so a hidden
    group has no trend); announced when it differs from what was announced last."""
    scheme = (await schemes_for(session, [indicator]))[indicator.id]
    ids = [uuid.UUID(d) for d in indicator.dimension_ids]
    dimensions = (await session.execute(select(Dimension.id, Dimension.code).where(
        Dimension.id.in_(ids)).order_by(Dimension.code))).all()
    _, make_view = VIEWS[StatusView.REVIEWED]
    analysis = Analysis(indicator, initiative, scheme, make_view(initiative))
    found = []
    for dimension_id, code in dimensions:
        read = await analysis.gaps_if_any(session, Filters(), code)
        if read is None:
            continue
        found.append(DimensionDisparities(
            dimension_id=dimension_id, dimension=code, reference_group=read.reference_group,
            reference_rule=read.reference_rule, trends=read.trends).model_dump(mode="json"))
    if found == indicator.disparities:
        return
    indicator.disparities = found
    outbox.add(session, DomainEvent(
        event_type=INDICATOR_DISPARITIES_CHANGED, tenant=indicator.tenant,
        subject=indicator.id, initiative=indicator.initiative_id,
        data=DisparitiesChanged(indicator_id=indicator.id,
                                initiative_id=indicator.initiative_id, code=indicator.code,
                                dimensions=[DimensionDisparities.model_validate(d)
                                            for d in found])))
