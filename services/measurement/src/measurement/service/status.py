"""Keeping each indicator's overall progress status current, announcing every change."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.events.registry import DomainEvent
from measurement.domain.cells import Scheme
from measurement.events import INDICATOR_STATUS_CHANGED, IndicatorStatusChanged, outbox
from measurement.models import Indicator, Initiative
from measurement.service.analysis import ALL_VISIBLE, Analysis, Filters, View


async def refresh_status(session: AsyncSession, indicator: Indicator,
                         initiative: Initiative) -> None:
    """Recompute the overall status (all data not rejected) and publish it if it changed.

    The indicator row is locked, so concurrent writers announce each change once. The
    status is derived data: it does not change the indicator's version (its ETag).
    """
    await session.execute(select(Indicator.id).where(Indicator.id == indicator.id)
                          .with_for_update(key_share=True))
    analysis = Analysis(indicator, initiative, Scheme(), View(ALL_VISIBLE, None))
    overall = (await analysis.progress(session, Filters(), None)).overall
    previous = indicator.progress_status
    if overall.status.value == previous:
        return
    indicator.progress_status = overall.status.value
    outbox.add(session, DomainEvent(
        event_type=INDICATOR_STATUS_CHANGED, tenant=indicator.tenant, subject=indicator.id,
        initiative=indicator.initiative_id,
        data=IndicatorStatusChanged(
            indicator_id=indicator.id, initiative_id=indicator.initiative_id,
            code=indicator.code, previous_status=previous,
            status=overall.status, latest=overall.latest, target=overall.target),
    ))
