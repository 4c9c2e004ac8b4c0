"""Participants: organizations and community members taking part in an initiative."""

from __future__ import annotations

import uuid

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from agenda import schemas
from agenda.events import outbox
from agenda.models import Organization, Participant
from agenda.service.access import ensure_dates_in_order
from agenda.service.resources import agenda_resource
from backbone.auth.access import require_role
from backbone.auth.principal import InitiativeRole, Principal
from backbone.contracts.agenda.events import (
    PARTICIPANT_JOINED,
    PARTICIPANT_REMOVED,
    PARTICIPANT_UPDATED,
)
from backbone.errors import Conflict, Forbidden, Invalid
from backbone.http.etag import check_if_match
from backbone.http.pagination import Page, PageParams
from backbone.repository import apply_changes, get_owned
from backbone.rows import Rows

PARTICIPANTS = agenda_resource(
    Participant, "participant", PARTICIPANT_JOINED, PARTICIPANT_UPDATED, PARTICIPANT_REMOVED,
    filters={"role": Participant.roles.contains(bindparam("role")),
             "kind": Participant.kind == bindparam("kind"),
             "organization_id": Participant.organization_id == bindparam("organization_id"),
             "active": Participant.left_on.is_(None) == bindparam("active")})


async def list_(
    rows: Rows, principal: Principal, initiative_id: uuid.UUID, page: PageParams,
    *, role: schemas.ParticipantRole | None, kind: schemas.ParticipantKind | None,
    organization_id: uuid.UUID | None, active: bool | None,
) -> Page[schemas.ParticipantRead]:
    """The initiative's participants; each filter given narrows the list (``active``: not
    left yet, or left)."""
    return await PARTICIPANTS.list(
        rows, principal, initiative_id, page, schemas.ParticipantRead,
        role=[role.value] if role is not None else None, kind=kind,
        organization_id=organization_id, active=active)


async def create(
    session: AsyncSession, principal: Principal, initiative_id: uuid.UUID,
    data: schemas.ParticipantCreate,
) -> Participant:
    """Backbone staff add a participant; the organization is checked only for them (who may
    not add one learns nothing of who takes part)."""
    values = data.columns()

    async def check(_: object) -> None:
        if data.organization_id is None:
            return
        org = await session.scalar(select(Organization).where(
            Organization.id == data.organization_id, Organization.tenant == principal.tenant))
        if org is None:
            raise Invalid("organization_id names no organization of this network.",
                          kind="unknown-reference")
        values["display_name"] = data.display_name or org.name
        taken = await session.scalar(select(Participant.id).where(
            Participant.tenant == principal.tenant, Participant.initiative_id == initiative_id,
            Participant.organization_id == data.organization_id))
        if taken is not None:
            raise Conflict(f"The organization already participates as {taken}.",
                           kind="already-participating")

    return await PARTICIPANTS.create(session, principal, initiative_id, values, check)


async def update(
    session: AsyncSession, principal: Principal, id_: uuid.UUID,
    patch: schemas.ParticipantUpdate, if_match: str | None,
) -> Participant:
    """Backbone staff change any participation; a partner changes its own, except roles."""
    participant = await get_owned(session, Participant, principal.tenant, id_, "participant",
                                  lock=True)
    initiative_id = participant.initiative_id
    own = (principal.org is not None and participant.organization_id == principal.org
           and principal.has_role(initiative_id, InitiativeRole.PARTNER))
    if not principal.has_role(initiative_id, InitiativeRole.BACKBONE):
        if not own:
            require_role(principal, initiative_id, InitiativeRole.BACKBONE)
        if "roles" in patch.model_fields_set:
            raise Forbidden("Only backbone staff may change a participant's roles.")
    check_if_match(if_match, participant.version)
    changes = patch.columns()
    ensure_dates_in_order(changes.get("joined_on", participant.joined_on),
                          changes.get("left_on", participant.left_on))
    if apply_changes(participant, changes):
        await outbox.emit_state(session, PARTICIPANT_UPDATED, participant, initiative_id)
    return participant
