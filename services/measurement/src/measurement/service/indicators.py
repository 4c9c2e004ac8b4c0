"""Indicators: definitions, aggregation rules, dimensions and the agenda goals they track."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import bindparam, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.principal import InitiativeRole, Principal
from backbone.contracts.measurement.events import (
    INDICATOR_DEFINED,
    INDICATOR_RETIRED,
    INDICATOR_UPDATED,
)
from backbone.errors import Conflict
from backbone.http.pagination import Page, PageParams
from backbone.readmodels.agenda import KnownGoal
from backbone.repository import apply_changes
from backbone.resources import InitiativeResource, ensure_in_initiative
from backbone.rows import Rows
from measurement.events import outbox
from measurement.models import Dimension, Indicator, Initiative, Observation
from measurement.schemas import (
    IndicatorCreate,
    IndicatorRead,
    IndicatorStatus,
    IndicatorUpdate,
    Unit,
)
from measurement.service.context import period_or_422
from measurement.service.status import refresh_status

INDICATORS = InitiativeResource(
    Indicator, "indicator", Initiative, outbox, INDICATOR_DEFINED, INDICATOR_UPDATED,
    filters={"status": Indicator.status == bindparam("status"),
             "goal_id": Indicator.goal_ids.contains(bindparam("goal_id"))})
"""Indicators are retired, never deleted: their data stays readable."""

FIXED_ONCE_REPORTED = ("unit", "rate_multiplier", "frequency")
"""Changing these would change the meaning of figures already stored."""
CHANGE_FIGURES = ("direction", "across_places", "across_time", "dimension_ids",
                  "baseline_period", "baseline_value", "decimals")
"""Changing these changes the progress status or the disparities computed from the data (or
the figures they are announced with)."""


async def list_(rows: Rows, principal: Principal, initiative_id: uuid.UUID,
                page: PageParams, status: IndicatorStatus | None, goal_id: uuid.UUID | None
                ) -> Page[IndicatorRead]:
    """The initiative's indicators, optionally in one status or tracking one goal."""
    found = await INDICATORS.list(rows, principal, initiative_id, page, IndicatorRead,
                                  status=status,
                                  goal_id=[str(goal_id)] if goal_id is not None else None)
    found.items = [as_seen_by(principal, i) for i in found.items]
    return found


def as_seen_by(principal: Principal, indicator: IndicatorRead) -> IndicatorRead:
    """Backbone staff see their own view's status too; others only the reviewed one."""
    if principal.has_role(indicator.initiative_id, InitiativeRole.BACKBONE):
        return indicator
    return indicator.model_copy(update={"staff_progress_status": None})


async def _check_links(session: AsyncSession, initiative: Initiative,
                       values: dict[str, Any]) -> None:
    if values.get("dimension_ids"):
        await ensure_in_initiative(session, Dimension, initiative.id,
                                   [uuid.UUID(i) for i in values["dimension_ids"]],
                                   "dimension_ids")
    if values.get("goal_ids"):
        # Goals come from agenda's events: a goal agenda has not announced is unknown here.
        await ensure_in_initiative(session, KnownGoal, initiative.id,
                                   [uuid.UUID(i) for i in values["goal_ids"]], "goal_ids")
    if values.get("baseline_period"):
        values["baseline_period"] = period_or_422(values["baseline_period"], initiative,
                                                  "body", "baseline_period").code


async def create(session: AsyncSession, principal: Principal, initiative_id: uuid.UUID,
                 body: IndicatorCreate) -> Indicator:
    values = body.columns()
    if values["rate_multiplier"] is None:
        values["rate_multiplier"] = 100.0 if body.unit is Unit.PERCENT else 1.0
    values["dimension_ids"] = sorted(set(values["dimension_ids"]))
    values["goal_ids"] = sorted(set(values["goal_ids"]))
    initiative = await INDICATORS.managed_initiative(session, principal, initiative_id)
    await _check_links(session, initiative, values)
    return await INDICATORS.create(session, principal, initiative_id, values)


async def update(session: AsyncSession, principal: Principal, id_: uuid.UUID,
                 body: IndicatorUpdate, if_match: str | None) -> Indicator:
    indicator, initiative = await INDICATORS.load_for_change(session, principal, id_, if_match)
    changes = body.columns()
    for name in ("dimension_ids", "goal_ids"):
        if name in changes:
            changes[name] = sorted(set(changes[name]))
    await _check_links(session, initiative, changes)
    fixed = [n for n in FIXED_ONCE_REPORTED if n in changes and changes[n] != getattr(
        indicator, n)]
    if fixed and (await session.execute(select(exists().where(
            Observation.indicator_id == id_)))).scalar():
        raise Conflict(f"{', '.join(fixed)} cannot change once data is reported; "
                       "define a new indicator instead.")
    was_retired = indicator.status == IndicatorStatus.RETIRED
    rules_change = any(n in changes and changes[n] != getattr(indicator, n)
                       for n in CHANGE_FIGURES)
    if apply_changes(indicator, changes):
        retiring = indicator.status == IndicatorStatus.RETIRED and not was_retired
        await outbox.emit_state(session, INDICATOR_RETIRED if retiring else INDICATOR_UPDATED,
                                indicator, indicator.initiative_id)
    if rules_change:
        await refresh_status(session, indicator, initiative, None)
    return indicator
