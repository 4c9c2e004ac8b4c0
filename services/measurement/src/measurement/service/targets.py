"""Time-phased targets of an indicator: overall, per cell and per reporting organization."""

from __future__ import annotations

import uuid

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.principal import InitiativeRole, Principal
from backbone.contracts.measurement.entities import TargetRead
from backbone.contracts.measurement.events import TARGETS_SET, TargetsSet
from backbone.errors import Invalid
from backbone.events.registry import DomainEvent
from backbone.http.etag import check_if_match
from measurement import schemas
from measurement.domain.cells import cell_key
from measurement.events import outbox
from measurement.models import Indicator, Target
from measurement.service.context import indicator_for, period_or_422, schemes_for
from measurement.service.status import refresh_status


async def read(session: AsyncSession, principal: Principal, indicator_id: uuid.UUID
               ) -> schemas.TargetsRead:
    indicator, _ = await indicator_for(session, principal, indicator_id, InitiativeRole.VIEWER)
    return await _targets_of(session, indicator)


async def replace(session: AsyncSession, principal: Principal, indicator_id: uuid.UUID,
                  body: schemas.TargetsPut, if_match: str | None) -> schemas.TargetsRead:
    indicator, initiative = await indicator_for(session, principal, indicator_id,
                                                InitiativeRole.BACKBONE, lock=True)
    check_if_match(if_match, indicator.targets_version)
    scheme = (await schemes_for(session, [indicator]))[indicator.id]
    rows, seen = [], set()
    for i, target in enumerate(body.targets):
        period = period_or_422(target.period, initiative, "body", "targets", i, "period")
        problem = scheme.check(target.disaggregation, for_new_data=False)
        if problem:
            raise Invalid(problem, kind="invalid-cell", errors=[
                {"loc": ["body", "targets", i, "disaggregation"], "msg": problem,
                 "type": "invalid_cell"}])
        cell = cell_key(target.disaggregation)
        key = (period.code, cell, target.organization_id)
        if key in seen:
            raise Invalid(f"Target {i} repeats period {period.code} for the same cell and "
                          "organization.", kind="duplicate-target")
        seen.add(key)
        rows.append(Target(initiative_id=indicator.initiative_id, indicator_id=indicator.id,
                           period=period.code, period_start=period.start,
                           period_end=period.end, value=target.value, cell=cell,
                           disaggregation=dict(target.disaggregation),
                           organization_id=target.organization_id))
    await session.execute(delete(Target).where(Target.indicator_id == indicator.id))
    session.add_all(rows)
    indicator.targets_version += 1
    await session.flush()
    result = await _targets_of(session, indicator)
    outbox.add(session, DomainEvent(
        event_type=TARGETS_SET, tenant=indicator.tenant, subject=indicator.id,
        initiative=indicator.initiative_id,
        data=TargetsSet(indicator_id=indicator.id, initiative_id=indicator.initiative_id,
                        targets=result.targets)))
    await refresh_status(session, indicator, initiative)
    return result


async def _targets_of(session: AsyncSession, indicator: Indicator) -> schemas.TargetsRead:
    rows = (await session.execute(select(Target).where(Target.indicator_id == indicator.id)
                                  .order_by(Target.period_end, Target.cell,
                                            Target.organization_id))).scalars()
    return schemas.TargetsRead(indicator_id=indicator.id, version=indicator.targets_version,
                               targets=[TargetRead.model_validate(t) for t in rows])
