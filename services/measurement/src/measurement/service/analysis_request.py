"""Opening an indicator's figures for a caller: the role checks and the filters of the
analysis routes (series, progress, disparities, chart), turned into an ``Analysis``."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.principal import InitiativeRole, Principal
from backbone.contracts.measurement.entities import ObservationStatus
from backbone.errors import Forbidden, Invalid
from measurement.service.analysis import Analysis, Filters, View
from measurement.service.context import indicator_for, period_or_422, schemes_for


@dataclass(frozen=True)
class AnalysisQuery:
    """What an analysis request asks for, as the routes received it."""

    period_from: str | None
    period_to: str | None
    where: list[str]
    geography: str | None
    organization_id: uuid.UUID | None
    status: list[ObservationStatus]


async def open_analysis(session: AsyncSession, principal: Principal, indicator_id: uuid.UUID,
                        q: AnalysisQuery) -> tuple[Analysis, Filters]:
    indicator, initiative = await indicator_for(session, principal, indicator_id,
                                                InitiativeRole.VIEWER)
    is_staff = principal.has_role(initiative.id, InitiativeRole.BACKBONE)
    if q.status and not is_staff:
        raise Forbidden("Only backbone staff see data that is not approved.")
    start: date | None = None
    end: date | None = None
    if q.period_from:
        start = period_or_422(q.period_from, initiative, "query", "from").start
    if q.period_to:
        end = period_or_422(q.period_to, initiative, "query", "to").end
    if q.organization_id is not None and not is_staff and q.organization_id != principal.org:
        raise Forbidden("One organization's figures are for backbone staff and that "
                        "organization.")
    scheme = (await schemes_for(session, [indicator]))[indicator.id]
    view = View.for_caller(principal, initiative, q.status, q.organization_id)
    filters = Filters(start, end, q.geography, q.organization_id, _cells(q.where))
    return Analysis(indicator, initiative, scheme, view), filters


def _cells(where: list[str]) -> dict[str, str]:
    cells: dict[str, str] = {}
    for item in where:
        dimension, sep, option = item.partition(":")
        if not sep or not dimension or not option or dimension in cells:
            raise Invalid(f"where={item!r}: use dimension:option, each dimension once",
                          kind="invalid-filter",
                          errors=[{"loc": ["query", "where"], "msg": "expected "
                                   "dimension:option", "type": "invalid_filter"}])
        cells[dimension.strip().lower()] = option.strip().lower()
    return cells
