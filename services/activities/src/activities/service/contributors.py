"""Contributors of an activity: backbone staff record any; a partner records, changes and
removes its own organization's contributions, to any activity of the initiative."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from activities.events import (
    CONTRIBUTOR_ADDED,
    CONTRIBUTOR_REMOVED,
    CONTRIBUTOR_UPDATED,
    outbox,
)
from activities.models import Activity, Contributor
from activities.schemas.contributors import (
    ContributorCreate,
    ContributorRead,
    ContributorUpdate,
    Money,
)
from activities.service import references
from activities.service.access import require_own
from activities.service.activities import ACTIVITIES
from backbone.auth.principal import Principal
from backbone.db import ConcurrentWriteError, violated_unique_constraint
from backbone.errors import Conflict
from backbone.http.etag import check_if_match
from backbone.http.pagination import Page, PageParams
from backbone.readmodels.agenda import KnownInitiative
from backbone.repository import apply_changes, get_owned
from backbone.resources import InitiativeResource
from backbone.rows import Rows

CONTRIBUTORS = InitiativeResource(
    Contributor, "contributor", KnownInitiative, outbox, CONTRIBUTOR_ADDED,
    CONTRIBUTOR_UPDATED, CONTRIBUTOR_REMOVED,
    filters={"activity_id": Contributor.activity_id == bindparam("activity_id")},
    under="activity_id")
"""For reads by id; writes follow the partner rules."""
UNIQUE_ROLE = "uq_contributors_activity_id"


def _columns(values: dict[str, Any], money: Money | None) -> dict[str, Any]:
    """The money object is kept as an amount and a currency."""
    if "money" in values:
        del values["money"]
        values["money_amount"] = money.amount if money else None
        values["money_currency"] = money.currency if money else None
    return values


async def add(session: AsyncSession, principal: Principal, activity_id: uuid.UUID,
              body: ContributorCreate) -> Contributor:
    activity = await get_owned(session, Activity, principal.tenant, activity_id, "activity")
    require_own(principal, activity.initiative_id, body.organization_id,
                "record the contributions")
    await references.directory_organization(session, principal.tenant, body.organization_id,
                                            "organization_id")
    taken = await session.scalar(select(func.count()).where(
        Contributor.activity_id == activity.id,
        Contributor.organization_id == body.organization_id, Contributor.role == body.role))
    if taken:
        raise Conflict(f"The organization is a {body.role.value} contributor of this activity "
                       "already; change that contribution instead.", kind="duplicate-role")
    contributor = Contributor(tenant=principal.tenant, initiative_id=activity.initiative_id,
                              activity_id=activity.id,
                              **_columns(body.columns(), body.money))
    session.add(contributor)
    try:
        await outbox.emit_state(session, CONTRIBUTOR_ADDED, contributor,
                                activity.initiative_id)
    except IntegrityError as exc:
        if violated_unique_constraint(exc) == UNIQUE_ROLE:
            raise ConcurrentWriteError("the contribution was just recorded") from exc
        raise
    return contributor


async def _for_change(session: AsyncSession, principal: Principal, id_: uuid.UUID,
                      if_match: str | None, what: str) -> Contributor:
    contributor = await get_owned(session, Contributor, principal.tenant, id_, "contributor",
                                  lock=True)
    require_own(principal, contributor.initiative_id, contributor.organization_id, what)
    check_if_match(if_match, contributor.version)
    return contributor


async def update(session: AsyncSession, principal: Principal, id_: uuid.UUID,
                 body: ContributorUpdate, if_match: str | None) -> Contributor:
    contributor = await _for_change(session, principal, id_, if_match,
                                    "change the contributions")
    if apply_changes(contributor, _columns(body.columns(), body.money)):
        await outbox.emit_state(session, CONTRIBUTOR_UPDATED, contributor,
                                contributor.initiative_id)
    return contributor


async def remove(session: AsyncSession, principal: Principal, id_: uuid.UUID,
                 if_match: str | None) -> None:
    contributor = await _for_change(session, principal, id_, if_match,
                                    "remove the contributions")
    await outbox.emit_removed(session, CONTRIBUTOR_REMOVED, contributor)
    await session.delete(contributor)


async def list_(rows: Rows, principal: Principal, activity_id: uuid.UUID,
                page: PageParams) -> Page[ContributorRead]:
    return await CONTRIBUTORS.list_under(rows, principal, ACTIVITIES, activity_id,
        page, ContributorRead)
