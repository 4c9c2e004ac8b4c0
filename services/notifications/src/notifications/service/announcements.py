"""Announcements: backbone staff write to an audience of their initiative; the rules
deliver them (``announcement.published``) to inboxes and by email."""

from __future__ import annotations

import uuid

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.access import require_role
from backbone.auth.principal import InitiativeRole, Principal
from backbone.errors import Invalid
from backbone.http.pagination import Page, PageParams
from backbone.listing import Listing
from backbone.readmodels.agenda import KnownInitiative, KnownParticipant, KnownWorkingGroup
from backbone.repository import get_owned
from backbone.resources import initiative_row
from backbone.rows import Rows
from notifications import schemas
from notifications.events import ANNOUNCEMENT_PUBLISHED, outbox
from notifications.models import Announcement


async def _check_audience(session: AsyncSession, tenant: str, initiative_id: uuid.UUID,
                          audience: schemas.Audience) -> None:
    if isinstance(audience, schemas.people.WorkingGroupMembers):
        group = (await session.execute(select(KnownWorkingGroup.id).where(
            KnownWorkingGroup.id == audience.working_group_id,
            KnownWorkingGroup.tenant == tenant,
            KnownWorkingGroup.initiative_id == initiative_id))).scalar()
        if group is None:
            raise Invalid("audience.working_group_id: no such working group in the "
                          "initiative", kind="invalid-audience",
                          errors=[{"loc": ["body", "audience", "working_group_id"],
                                   "msg": "no such working group in the initiative",
                                   "type": "not_found"}])
    elif isinstance(audience, schemas.people.ChosenOrganizations):
        taking_part = set((await session.execute(select(KnownParticipant.organization_id)
                                                 .where(
            KnownParticipant.tenant == tenant, KnownParticipant.initiative_id == initiative_id,
            KnownParticipant.organization_id.in_(audience.organization_ids)))).scalars())
        errors = [{"loc": ["body", "audience", "organization_ids", n],
                   "msg": "this organization takes no part in the initiative",
                   "type": "not_found"}
                  for n, org in enumerate(audience.organization_ids) if org not in taking_part]
        if errors:
            raise Invalid(f"audience.organization_ids: {len(errors)} take no part in the "
                          "initiative", kind="invalid-audience", errors=errors)


async def publish(session: AsyncSession, principal: Principal, initiative_id: uuid.UUID,
                  body: schemas.AnnouncementCreate) -> Announcement:
    await get_owned(session, KnownInitiative, principal.tenant, initiative_id, "initiative")
    require_role(principal, initiative_id, InitiativeRole.BACKBONE)
    await _check_audience(session, principal.tenant, initiative_id, body.audience)
    announcement = Announcement(tenant=principal.tenant, initiative_id=initiative_id,
                                title=body.title, body=body.body,
                                audience=body.audience.model_dump(mode="json"),
                                author=principal.sub)
    session.add(announcement)
    await outbox.emit_state(session, ANNOUNCEMENT_PUBLISHED, announcement, initiative_id)
    return announcement


LISTING = Listing(Announcement, [Announcement.initiative_id == bindparam("initiative_id")])


async def list_(rows: Rows, principal: Principal, initiative_id: uuid.UUID,
                page: PageParams) -> Page[schemas.AnnouncementRead]:
    """The initiative's announcements, for its backbone staff (members read theirs in
    their inbox)."""
    async with rows.reader(principal.tenant) as reader:
        await initiative_row(reader, principal, KnownInitiative, initiative_id,
                             InitiativeRole.BACKBONE)
        return await LISTING.page(reader, page, schemas.AnnouncementRead,
                                  initiative_id=initiative_id)
