"""Single observations: record one, review it, read it and its correction history.

Observation-level data is for partners (their own organization's) and backbone staff;
viewers read aggregated figures only, where small cells are protected.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Sequence

from sqlalchemy import ARRAY, String, any_, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.access import require_role
from backbone.auth.principal import InitiativeRole, Principal
from backbone.contracts.measurement.entities import ObservationStatus
from backbone.contracts.measurement.events import (
    OBSERVATION_APPROVED,
    OBSERVATION_REJECTED,
    ObservationChanged,
)
from backbone.db import utcnow
from backbone.errors import Forbidden, Invalid, NotFound
from backbone.events.registry import DomainEvent
from backbone.http.etag import check_if_match
from backbone.http.pagination import Page, PageParams
from backbone.listing import Listing
from backbone.repository import get_owned
from backbone.rows import Rows
from measurement import reporting
from measurement.events import outbox
from measurement.models import Indicator, Observation, ObservationRevision
from measurement.service.context import indicator_for, initiative_for, schemes_for
from measurement.service.recording import Recorder, archive
from measurement.service.row_checks import ForbiddenRowError, RowError
from measurement.service.status import refresh_status


async def record(session: AsyncSession, principal: Principal, indicator_id: uuid.UUID,
                 body: reporting.ObservationIn) -> tuple[Observation, reporting.RowOutcome]:
    indicator, initiative = await indicator_for(session, principal, indicator_id,
                                                InitiativeRole.PARTNER)
    recorder = Recorder(session, principal, initiative, [indicator],
                        await schemes_for(session, [indicator]))
    try:
        prepared = recorder.prepare(0, body, indicator)
    except ForbiddenRowError as exc:
        raise Forbidden(str(exc)) from exc
    except RowError as exc:
        raise Invalid(str(exc), kind="invalid-observation") from exc
    [result] = await recorder.store([prepared], dry_run=False)
    if result.outcome is not reporting.RowOutcome.UNCHANGED:
        await refresh_status(session, indicator, initiative,
                             recorder.withdrawn.get(indicator.id, ()), only_data=True,
                             changed_periods=recorder.changed.get(indicator.id, ()))
    observation = await session.get(Observation, result.observation_id, populate_existing=True)
    assert observation is not None
    return observation, result.outcome


async def get(session: AsyncSession, principal: Principal, id_: uuid.UUID) -> Observation:
    observation = await get_owned(session, Observation, principal.tenant, id_, "observation")
    await initiative_for(session, principal, observation.initiative_id, InitiativeRole.PARTNER)
    if not _may_see(principal, observation):
        raise NotFound.of("observation")
    return observation


def _may_see(principal: Principal, observation: Observation) -> bool:
    return (principal.has_role(observation.initiative_id, InitiativeRole.BACKBONE)
            or (principal.org is not None and observation.organization_id == principal.org))


LISTING = Listing(Observation, [Observation.indicator_id == bindparam("indicator_id")], {
    "organization_id": Observation.organization_id == bindparam("organization_id"),
    "statuses": Observation.status == any_(bindparam("statuses", type_=ARRAY(String))),
    "period": Observation.period == bindparam("period")})


async def list_for_indicator(
    rows: Rows, principal: Principal, indicator_id: uuid.UUID, params: PageParams,
    statuses: Sequence[ObservationStatus], period: str | None,
    organization_id: uuid.UUID | None,
) -> Page[reporting.ObservationRead]:
    """Backbone staff read every organization's observations, partners their own."""
    async with rows.reader(principal.tenant) as reader:
        indicator = await reader.owned(Indicator, indicator_id, "indicator")
        initiative_id = indicator["initiative_id"]
        require_role(principal, initiative_id, InitiativeRole.PARTNER)
        if not principal.has_role(initiative_id, InitiativeRole.BACKBONE):
            if principal.org is None or organization_id not in (None, principal.org):
                raise Forbidden("Partners read their own organization's observations.")
            organization_id = principal.org
        return await LISTING.page(
            reader, params, reporting.ObservationRead, indicator_id=indicator_id,
            organization_id=organization_id,
            statuses=[s.value for s in statuses] if statuses else None,
            period=period.strip().upper() if period is not None else None)


async def review(session: AsyncSession, principal: Principal, id_: uuid.UUID,
                 body: reporting.ReviewIn, if_match: str | None) -> Observation:
    observation = await get_owned(session, Observation, principal.tenant, id_, "observation",
                                  lock=True)
    initiative = await initiative_for(session, principal, observation.initiative_id,
                                      InitiativeRole.BACKBONE)
    check_if_match(if_match, observation.version)
    await archive(session, [observation.id])
    approve = body.decision is reporting.ReviewDecision.APPROVE
    status = ObservationStatus.APPROVED if approve else ObservationStatus.REJECTED
    observation.status = status.value
    observation.review_note = body.note
    observation.reviewed_by = principal.sub
    observation.reviewed_at = utcnow()
    observation.last_change = status.value
    observation.changed_by = principal.sub
    observation.touch()
    indicator = await session.get(Indicator, observation.indicator_id)
    assert indicator is not None
    event_type = OBSERVATION_APPROVED if approve else OBSERVATION_REJECTED
    outbox.add(session, DomainEvent(
        event_type=event_type, tenant=observation.tenant, subject=observation.id,
        initiative=observation.initiative_id,
        data=ObservationChanged(
            **dict(reporting.ObservationFacts.model_validate(observation, from_attributes=True)),
            id=observation.id, indicator_code=indicator.code, version=observation.version,
            changed_by=observation.changed_by, note=observation.review_note)))
    await refresh_status(session, indicator, initiative, [observation.period],
                         changed_periods=[observation.period])
    return observation


async def history(session: AsyncSession, principal: Principal, id_: uuid.UUID
                  ) -> list[reporting.HistoryEntry]:
    """Every version, oldest first: the archived ones, then the current one."""
    observation = await get(session, principal, id_)
    earlier = (await session.execute(
        select(ObservationRevision).where(ObservationRevision.observation_id == observation.id)
        .order_by(ObservationRevision.version))).scalars()
    versions = [reporting.HistoryEntry.model_validate(r) for r in earlier]
    versions.append(reporting.HistoryEntry(
        version=observation.version, change=observation.last_change, value=observation.value,
        numerator=observation.numerator, denominator=observation.denominator,
        source=observation.source, comment=observation.comment,
        status=ObservationStatus(observation.status), note=observation.review_note,
        changed_by=observation.changed_by, changed_at=observation.updated_at))
    for previous, entry in itertools.pairwise(versions):
        entry.previous_value = previous.value
        entry.previous_numerator = previous.numerator
        entry.previous_denominator = previous.denominator
    return versions
