"""Updates of an activity: its lead organization (or backbone staff) posts dated progress
notes and milestones, with output figures."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import bindparam
from sqlalchemy.ext.asyncio import AsyncSession

from activities.events import UPDATE_DELETED, UPDATE_POSTED, UPDATE_REVISED, outbox
from activities.models import Activity, ActivityUpdate
from activities.schemas.updates import UpdateChange, UpdateCreate, UpdateKind, UpdateRead
from activities.service import references
from activities.service.access import require_own
from activities.service.activities import ACTIVITIES
from backbone.auth.principal import Principal
from backbone.http.etag import check_if_match
from backbone.http.pagination import Page, PageParams
from backbone.readmodels.agenda import KnownInitiative
from backbone.repository import apply_changes, get_owned
from backbone.resources import InitiativeResource
from backbone.rows import Rows

UPDATES = InitiativeResource(
    ActivityUpdate, "update", KnownInitiative, outbox, UPDATE_POSTED, UPDATE_REVISED,
    UPDATE_DELETED,
    filters={"activity_id": ActivityUpdate.activity_id == bindparam("activity_id")},
    under="activity_id")
"""For reads by id; writes follow the partner rules."""


def _check(values: dict[str, Any]) -> None:
    """A note says something; a milestone names itself and when it is (or was) due."""
    if values["kind"] == UpdateKind.NOTE and not values["text"] and not values["outputs"]:
        raise references.invalid("text", "a note needs text or outputs",
                                 kind="validation-failed")
    if values["kind"] == UpdateKind.MILESTONE:
        if not values["milestone"]:
            raise references.invalid("milestone", "a milestone needs its name",
                                     kind="validation-failed")
        if values["planned_on"] is None and values["achieved_on"] is None:
            raise references.invalid("planned_on", "a milestone needs a planned or an "
                                                   "achieved date", kind="validation-failed")


async def _activity_for_change(session: AsyncSession, principal: Principal,
                               activity_id: uuid.UUID) -> Activity:
    activity = await get_owned(session, Activity, principal.tenant, activity_id, "activity")
    require_own(principal, activity.initiative_id, activity.lead_organization_id,
                "post updates of the activities")
    return activity


async def post(session: AsyncSession, principal: Principal, activity_id: uuid.UUID,
               body: UpdateCreate) -> ActivityUpdate:
    activity = await _activity_for_change(session, principal, activity_id)
    values = body.columns()
    _check(values)
    update = ActivityUpdate(tenant=principal.tenant, initiative_id=activity.initiative_id,
                            activity_id=activity.id, author=principal.sub, **values)
    session.add(update)
    await outbox.emit_state(session, UPDATE_POSTED, update, activity.initiative_id)
    return update


async def _for_change(session: AsyncSession, principal: Principal, id_: uuid.UUID,
                      if_match: str | None) -> ActivityUpdate:
    update = await get_owned(session, ActivityUpdate, principal.tenant, id_, "update",
                             lock=True)
    await _activity_for_change(session, principal, update.activity_id)
    check_if_match(if_match, update.version)
    return update


async def revise(session: AsyncSession, principal: Principal, id_: uuid.UUID,
                 body: UpdateChange, if_match: str | None) -> ActivityUpdate:
    update = await _for_change(session, principal, id_, if_match)
    changes = body.columns()
    _check({n: changes.get(n, getattr(update, n))
            for n in ("kind", "text", "outputs", "milestone", "planned_on", "achieved_on")})
    if apply_changes(update, changes):
        await outbox.emit_state(session, UPDATE_REVISED, update, update.initiative_id)
    return update


async def delete_(session: AsyncSession, principal: Principal, id_: uuid.UUID,
                  if_match: str | None) -> None:
    update = await _for_change(session, principal, id_, if_match)
    await outbox.emit_removed(session, UPDATE_DELETED, update)
    await session.delete(update)


async def list_(rows: Rows, principal: Principal, activity_id: uuid.UUID,
                page: PageParams) -> Page[UpdateRead]:
    return await UPDATES.list_under(rows, principal, ACTIVITIES, activity_id,
        page, UpdateRead)
