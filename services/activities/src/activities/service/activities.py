"""Activities: backbone staff record any; a partner records and changes those its own
organization leads; everyone in the initiative reads them all."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import bindparam, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from activities.domain.schedule import date_problem
from activities.events import (
    ACTIVITY_CREATED,
    ACTIVITY_DELETED,
    ACTIVITY_STATUS_CHANGED,
    ACTIVITY_UPDATED,
    COMMITMENT_UPDATED,
    CONTRIBUTOR_REMOVED,
    LINK_REMOVED,
    UPDATE_DELETED,
    ActivityState,
    ActivityStatusChanged,
    outbox,
)
from activities.models import Activity, ActivityLink, ActivityUpdate, Commitment, Contributor
from activities.schemas.activities import ActivityCreate, ActivityRead, ActivityStatus
from activities.schemas.activities import ActivityUpdate as ActivityPatch
from activities.service import references
from activities.service.access import is_staff, require_own
from backbone.auth.principal import Principal
from backbone.errors import Forbidden
from backbone.events.registry import DomainEvent
from backbone.http.etag import check_if_match
from backbone.http.pagination import Page, PageParams
from backbone.readmodels.agenda import KnownInitiative
from backbone.repository import apply_changes, get_owned
from backbone.resources import InitiativeResource
from backbone.rows import Rows

ACTIVITIES = InitiativeResource(
    Activity, "activity", KnownInitiative, outbox, ACTIVITY_CREATED, ACTIVITY_UPDATED,
    ACTIVITY_DELETED,
    filters={"status": Activity.status == bindparam("status"),
             "lead_organization_id":
                 Activity.lead_organization_id == bindparam("lead_organization_id"),
             **{name: getattr(Activity, name).contains(bindparam(name))
                for name in ("strategy_ids", "goal_ids", "indicator_ids", "geographies",
                             "external_ids")}})
"""For reads; writes follow the partner rules below."""


def _check_dates(values: dict[str, Any]) -> None:
    problem = date_problem(values.get("start_date"), values.get("end_date"),
                           str(values.get("status")))
    if problem:
        raise references.invalid("end_date", problem, kind="invalid-dates")


async def create(session: AsyncSession, principal: Principal, initiative_id: uuid.UUID,
                 body: ActivityCreate) -> Activity:
    await get_owned(session, KnownInitiative, principal.tenant, initiative_id, "initiative")
    require_own(principal, initiative_id, body.lead_organization_id, "record activities")
    values = body.columns()
    _check_dates(values)
    await references.participant_organization(session, initiative_id,
                                              body.lead_organization_id,
                                              "lead_organization_id")
    await references.activity_links(session, initiative_id, values)
    activity = Activity(tenant=principal.tenant, initiative_id=initiative_id, **values)
    session.add(activity)
    await outbox.emit_state(session, ACTIVITY_CREATED, activity, initiative_id)
    return activity


async def _for_change(session: AsyncSession, principal: Principal, id_: uuid.UUID,
                      if_match: str | None, what: str) -> Activity:
    activity = await get_owned(session, Activity, principal.tenant, id_, "activity", lock=True)
    require_own(principal, activity.initiative_id, activity.lead_organization_id, what)
    check_if_match(if_match, activity.version)
    return activity


async def update(session: AsyncSession, principal: Principal, id_: uuid.UUID,
                 body: ActivityPatch, if_match: str | None) -> Activity:
    activity = await _for_change(session, principal, id_, if_match, "change activities")
    changes = body.columns()
    lead = changes.get("lead_organization_id", activity.lead_organization_id)
    if lead != activity.lead_organization_id:
        if not is_staff(principal, activity.initiative_id):
            raise Forbidden("Only backbone staff hand an activity to another organization.")
        await references.participant_organization(session, activity.initiative_id, lead,
                                                  "lead_organization_id")
    _check_dates({n: changes.get(n, getattr(activity, n))
                  for n in ("start_date", "end_date", "status")})
    await references.activity_links(session, activity.initiative_id, changes)
    previous = ActivityStatus(activity.status)
    if apply_changes(activity, changes):
        await announce(session, activity, previous)
    return activity


async def announce(session: AsyncSession, activity: Activity,
                   previous: ActivityStatus | None = None) -> None:
    """An ``activity.status_changed`` if its status changed, else an ``activity.updated``."""
    if previous is None or previous == activity.status:
        await outbox.emit_state(session, ACTIVITY_UPDATED, activity, activity.initiative_id)
        return
    await session.flush()
    state = ActivityState.model_validate(activity)
    outbox.add(session, DomainEvent(
        event_type=ACTIVITY_STATUS_CHANGED, tenant=activity.tenant, subject=activity.id,
        initiative=activity.initiative_id,
        data=ActivityStatusChanged(**dict(state), previous_status=previous)))


async def delete_(session: AsyncSession, principal: Principal, id_: uuid.UUID,
                  if_match: str | None) -> None:
    """Its contributors, updates and links go with it (foreign keys cascade), and its
    commitments lose it; each change announced."""
    activity = await _for_change(session, principal, id_, if_match, "delete activities")
    for model, event_type in ((Contributor, CONTRIBUTOR_REMOVED),
                              (ActivityUpdate, UPDATE_DELETED)):
        for entity in (await session.execute(select(model).where(
                model.activity_id == activity.id))).scalars():
            await outbox.emit_removed(session, event_type, entity)
    links = (await session.execute(select(ActivityLink).where(or_(
        ActivityLink.from_activity_id == activity.id,
        ActivityLink.to_activity_id == activity.id)))).scalars().all()
    for link in links:
        await outbox.emit_removed(session, LINK_REMOVED, link)
    for commitment in (await session.execute(select(Commitment).where(
            Commitment.activity_id == activity.id).with_for_update())).scalars():
        apply_changes(commitment, {"activity_id": None})
        await outbox.emit_state(session, COMMITMENT_UPDATED, commitment,
                                commitment.initiative_id)
    await outbox.emit_removed(session, ACTIVITY_DELETED, activity)
    await session.delete(activity)


async def list_(rows: Rows, principal: Principal, initiative_id: uuid.UUID,
                page: PageParams, *, status: ActivityStatus | None,
                lead_organization_id: uuid.UUID | None, strategy_id: uuid.UUID | None,
                goal_id: uuid.UUID | None, indicator_id: uuid.UUID | None,
                geography: str | None, external_id: tuple[str, str] | None,
                ) -> Page[ActivityRead]:
    def among(value: object) -> list[str] | None:
        return None if value is None else [str(value)]

    return await ACTIVITIES.list(
        rows, principal, initiative_id, page, ActivityRead, status=status,
        lead_organization_id=lead_organization_id, strategy_ids=among(strategy_id),
        goal_ids=among(goal_id), indicator_ids=among(indicator_id),
        geographies=among(geography),
        external_ids=None if external_id is None else {external_id[0]: external_id[1]})
