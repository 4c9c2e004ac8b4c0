"""An initiative's measurement settings: the small-cell minimum and the fiscal year."""

from __future__ import annotations

import uuid

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.principal import InitiativeRole, Principal
from backbone.contracts.measurement.events import SETTINGS_UPDATED
from backbone.errors import Conflict
from backbone.http.etag import check_if_match
from backbone.repository import apply_changes
from measurement.events import outbox
from measurement.models import Indicator, Initiative, Observation, Target
from measurement.schemas import MeasurementSettingsUpdate
from measurement.service.context import initiative_for
from measurement.service.status import refresh_status


async def update(session: AsyncSession, principal: Principal, initiative_id: uuid.UUID,
                 body: MeasurementSettingsUpdate, if_match: str | None) -> Initiative:
    initiative = await initiative_for(session, principal, initiative_id,
                                      InitiativeRole.BACKBONE, lock=True)
    check_if_match(if_match, initiative.version)
    changes = body.columns()
    month = changes.get("fiscal_year_start_month", initiative.fiscal_year_start_month)
    if month != initiative.fiscal_year_start_month and await _has_fiscal_periods(
            session, initiative_id):
        raise Conflict("Fiscal-year data exists: changing the fiscal year's first month "
                       "would move its periods.")
    minimum = initiative.min_cell_size
    if apply_changes(initiative, changes):
        await outbox.emit_state(session, SETTINGS_UPDATED, initiative, initiative.id)
        if initiative.min_cell_size != minimum:
            await _decide_all_again(session, initiative)
    return initiative


async def _decide_all_again(session: AsyncSession, initiative: Initiative) -> None:
    """A new small-cell minimum changes every decision (indicators locked in id order)."""
    indicators = (await session.execute(select(Indicator).where(
        Indicator.initiative_id == initiative.id).order_by(Indicator.id))).scalars()
    for indicator in indicators:
        await refresh_status(session, indicator, initiative, None)


async def _has_fiscal_periods(session: AsyncSession, initiative_id: uuid.UUID) -> bool:
    observed = exists().where(Observation.initiative_id == initiative_id,
                              Observation.period.like("FY%"))
    targeted = exists().where(Target.initiative_id == initiative_id, Target.period.like("FY%"))
    return bool((await session.execute(select(observed | targeted))).scalar())
