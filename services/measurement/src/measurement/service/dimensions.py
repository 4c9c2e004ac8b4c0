"""Disaggregation dimensions: options are added or retired, never removed or recoded."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.principal import Principal
from backbone.contracts.measurement.events import (
    DIMENSION_DEFINED,
    DIMENSION_DELETED,
    DIMENSION_UPDATED,
)
from backbone.errors import Conflict, Invalid
from backbone.resources import InitiativeResource
from measurement.events import outbox
from measurement.models import Dimension, Indicator, Initiative
from measurement.schemas import DimensionUpdate

DIMENSIONS = InitiativeResource(Dimension, "dimension", Initiative, outbox, DIMENSION_DEFINED,
                                DIMENSION_UPDATED, DIMENSION_DELETED)


async def update(session: AsyncSession, principal: Principal, id_: uuid.UUID,
                 body: DimensionUpdate, if_match: str | None) -> Dimension:
    changes: dict[str, Any] = body.columns()
    if "options" in changes:
        dimension, _ = await DIMENSIONS.load_for_change(session, principal, id_, if_match)
        dropped = {o["code"] for o in dimension.options} - {o["code"] for o in changes["options"]}
        if dropped:
            raise Invalid(
                f"Options cannot be removed, only retired: {', '.join(sorted(dropped))}",
                kind="option-removed",
                errors=[{"loc": ["body", "options"], "msg": f"missing option '{code}'",
                         "type": "option_removed"} for code in sorted(dropped)])
    return await DIMENSIONS.update(session, principal, id_, changes, if_match)


async def delete(session: AsyncSession, principal: Principal, id_: uuid.UUID,
                 if_match: str | None) -> None:
    dimension, _ = await DIMENSIONS.load_for_change(session, principal, id_, if_match)
    users = (await session.execute(select(func.count()).where(
        Indicator.initiative_id == dimension.initiative_id,
        Indicator.dimension_ids.contains([str(id_)])))).scalar_one()
    if users:
        raise Conflict(f"{users} indicator(s) use this dimension; retire its options "
                       "instead.")
    await DIMENSIONS.delete(session, principal, id_, if_match)
