"""Keeping each indicator's figures current after its data changes: the small-cell
decisions, then the overall progress status in each view, announcing every change."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.events.registry import DomainEvent
from measurement.domain.cells import Scheme
from measurement.events import INDICATOR_STATUS_CHANGED, IndicatorStatusChanged, outbox
from measurement.models import Indicator, Initiative
from measurement.schemas import ObservationStatus, StatusView
from measurement.service.analysis import ALL_VISIBLE, Analysis, Filters, View
from measurement.service.disclosure import decide_again

VIEWS = {
    StatusView.REVIEWED: ("progress_status", lambda i: View((ObservationStatus.APPROVED,),
                                                            i.min_cell_size)),
    StatusView.ALL: ("staff_progress_status", lambda i: View(ALL_VISIBLE, None)),
}


async def refresh_status(session: AsyncSession, indicator: Indicator, initiative: Initiative,
                         reviewed_periods: Collection[str] | None = ()) -> None:
    """Decide the small cells of ``reviewed_periods`` (the periods whose approved data
    changed; None: all) again, then recompute the overall status in each view and publish
    each change.

    The indicator row is locked, so concurrent writers decide and announce each change
    once. The status is derived data: it does not change the indicator's version (ETag).
    """
    await session.execute(select(Indicator.id).where(Indicator.id == indicator.id)
                          .with_for_update(key_share=True))
    await decide_again(session, indicator, initiative, reviewed_periods)
    for view, (column, make_view) in VIEWS.items():
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
