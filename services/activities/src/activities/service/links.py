"""Links between activities: the lead organization of the activity a link starts from (or
backbone staff) adds and removes it. Both ends are in one initiative; an activity is never
linked to itself; a cycle of ``depends_on`` is allowed, and reported."""

from __future__ import annotations

import uuid

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from activities.domain.network import closes_cycle
from activities.events import LINK_ADDED, LINK_REMOVED, outbox
from activities.models import Activity, ActivityLink
from activities.schemas.links import LinkCreate, LinkKind, LinkRead
from activities.service import references
from activities.service.access import require_own
from activities.service.activities import ACTIVITIES
from backbone.auth.principal import Principal
from backbone.db import ConcurrentWriteError, violated_unique_constraint
from backbone.errors import Conflict
from backbone.http.etag import check_if_match
from backbone.http.pagination import Page, PageParams
from backbone.readmodels.agenda import KnownInitiative
from backbone.repository import get_owned
from backbone.resources import InitiativeResource
from backbone.rows import Rows

LINKS = InitiativeResource(
    ActivityLink, "link", KnownInitiative, outbox, LINK_ADDED, LINK_ADDED, LINK_REMOVED,
    filters={"activity_id": or_(ActivityLink.from_activity_id == bindparam("activity_id"),
                                ActivityLink.to_activity_id == bindparam("activity_id"))},
    under="activity_id")
"""For reads by id; links are added and removed, never changed."""
UNIQUE_LINK = "uq_activity_links_from_activity_id"


async def add(session: AsyncSession, principal: Principal, activity_id: uuid.UUID,
              body: LinkCreate) -> tuple[ActivityLink, list[uuid.UUID] | None]:
    """The link, and the ``depends_on`` cycle it closes (if any)."""
    origin = await get_owned(session, Activity, principal.tenant, activity_id, "activity")
    require_own(principal, origin.initiative_id, origin.lead_organization_id,
                "link the activities")
    if body.to_activity_id == origin.id:
        raise references.invalid("to_activity_id", "an activity cannot be linked to itself",
                                 kind="self-link")
    await references.activity_in(session, origin.initiative_id, body.to_activity_id,
                                 "to_activity_id")
    taken = await session.scalar(select(func.count()).where(
        ActivityLink.from_activity_id == origin.id,
        ActivityLink.to_activity_id == body.to_activity_id, ActivityLink.kind == body.kind))
    if taken:
        raise Conflict("The activities are linked so already.", kind="duplicate-link")
    cycle = None
    if body.kind is LinkKind.DEPENDS_ON:
        existing = (await session.execute(select(
            ActivityLink.from_activity_id, ActivityLink.to_activity_id).where(
            ActivityLink.initiative_id == origin.initiative_id,
            ActivityLink.kind == LinkKind.DEPENDS_ON.value))).tuples().all()
        cycle = closes_cycle(existing, (origin.id, body.to_activity_id))
    link = ActivityLink(tenant=principal.tenant, initiative_id=origin.initiative_id,
                        from_activity_id=origin.id, **body.columns())
    session.add(link)
    try:
        await outbox.emit_state(session, LINK_ADDED, link, origin.initiative_id)
    except IntegrityError as exc:
        if violated_unique_constraint(exc) == UNIQUE_LINK:
            raise ConcurrentWriteError("the link was just added") from exc
        raise
    return link, cycle


async def remove(session: AsyncSession, principal: Principal, id_: uuid.UUID,
                 if_match: str | None) -> None:
    link = await get_owned(session, ActivityLink, principal.tenant, id_, "link", lock=True)
    origin = await get_owned(session, Activity, principal.tenant, link.from_activity_id,
                             "activity")
    require_own(principal, origin.initiative_id, origin.lead_organization_id,
                "unlink the activities")
    check_if_match(if_match, link.version)
    await outbox.emit_removed(session, LINK_REMOVED, link)
    await session.delete(link)


async def list_(rows: Rows, principal: Principal, activity_id: uuid.UUID,
                page: PageParams) -> Page[LinkRead]:
    """Links from and to the activity."""
    return await LINKS.list_under(rows, principal, ACTIVITIES, activity_id,
        page, LinkRead)
