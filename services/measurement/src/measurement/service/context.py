"""Loading what a use case works on, with the caller's role checked."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import Select, Uuid, any_, bindparam, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.access import require_role
from backbone.auth.principal import InitiativeRole, Principal
from backbone.errors import Invalid, NotFound
from backbone.repository import get_owned
from measurement.domain.cells import Scheme
from measurement.domain.periods import Period, PeriodError, parse_period
from measurement.models import Dimension, Indicator, Initiative


async def initiative_for(
    session: AsyncSession, principal: Principal, initiative_id: uuid.UUID,
    role: InitiativeRole, *, lock: bool = False,
) -> Initiative:
    initiative = await get_owned(session, Initiative, principal.tenant, initiative_id,
                                 "initiative", lock=lock)
    require_role(principal, initiative_id, role)
    return initiative


async def indicator_for(
    session: AsyncSession, principal: Principal, indicator_id: uuid.UUID,
    role: InitiativeRole, *, lock: bool = False,
) -> tuple[Indicator, Initiative]:
    """The indicator and its initiative, in one query (``lock`` locks the indicator)."""
    found = (await session.execute(_WITH_INITIATIVE[lock], {"id": indicator_id})).one_or_none()
    if found is None or found[0].tenant != principal.tenant:
        raise NotFound.of("indicator")
    indicator, initiative = found
    require_role(principal, initiative.id, role)
    return indicator, initiative


def _with_initiative(lock: bool) -> Select[tuple[Indicator, Initiative]]:
    """By the indicator's id alone, its tenant checked on the row: see ``by_id``."""
    stmt = select(Indicator, Initiative).join(
        Initiative, Initiative.id == Indicator.initiative_id).where(
        Indicator.id == bindparam("id"))
    return stmt.with_for_update(key_share=True, of=Indicator) if lock else stmt


_WITH_INITIATIVE = {lock: _with_initiative(lock) for lock in (False, True)}


async def schemes_for(
    session: AsyncSession, indicators: Iterable[Indicator]
) -> dict[uuid.UUID, Scheme]:
    """Each indicator's disaggregation scheme, from its dimensions as they stand now."""
    indicators = list(indicators)
    ids = list({uuid.UUID(d) for i in indicators for d in i.dimension_ids})
    dimensions = {d.id: d for d in (await session.execute(
        _DIMENSIONS, {"ids": ids})).scalars()} if ids else {}
    schemes = {}
    for indicator in indicators:
        options, retired = {}, {}
        for dimension_id in indicator.dimension_ids:
            dimension = dimensions.get(uuid.UUID(dimension_id))
            if dimension is None:
                continue
            options[dimension.code] = frozenset(o["code"] for o in dimension.options
                                                if not o.get("retired"))
            retired[dimension.code] = frozenset(o["code"] for o in dimension.options
                                                if o.get("retired"))
        schemes[indicator.id] = Scheme(options, retired)
    return schemes


_DIMENSIONS = select(Dimension).where(Dimension.id == any_(bindparam("ids", type_=ARRAY(Uuid))))


def period_or_422(code: str, initiative: Initiative, *loc: str | int) -> Period:
    """The period a code names, or a 422 pointing at ``loc`` (e.g. ``"query", "from"``)."""
    try:
        return parse_period(code, initiative.fiscal_year_start_month)
    except PeriodError as exc:
        raise Invalid(str(exc), kind="invalid-period",
                      errors=[{"loc": list(loc), "msg": str(exc),
                               "type": "invalid_period"}]) from exc
