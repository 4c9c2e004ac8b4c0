"""Who in a coalition a message reaches, as queries of recipients.

A recipient is in an initiative when their organization takes part in it (agenda's
participants, not left) or their latest token granted them a role in it; backbone staff
are those granted the backbone role, or whose organization takes part as the backbone.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement, Select, any_, exists, func, literal, or_, select
from sqlalchemy.dialects.postgresql import array

from backbone.auth.principal import NETWORK_ADMIN, InitiativeRole
from backbone.contracts.agenda.entities import ParticipantRole
from backbone.readmodels.agenda import KnownParticipant, KnownWorkingGroup
from notifications.models import IndicatorContributor, Recipient


def _granted(initiative_id: uuid.UUID, *roles: InitiativeRole) -> ColumnElement[bool]:
    grants = [f"initiative:{initiative_id}:{role.name.lower()}" for role in roles]
    return Recipient.grants.overlap(array(grants))


def _organization_takes_part(initiative_id: uuid.UUID,
                             *, role: ParticipantRole | None = None,
                             participants: Select[Any] | None = None
                             ) -> ColumnElement[bool]:
    conditions = [KnownParticipant.initiative_id == initiative_id,
                  KnownParticipant.organization_id == Recipient.organization_id,
                  KnownParticipant.tenant == Recipient.tenant,
                  KnownParticipant.left_on.is_(None)]
    if role is not None:
        conditions.append(literal(role.value) == any_(KnownParticipant.roles))
    if participants is not None:
        conditions.append(KnownParticipant.id.in_(participants))
    return exists().where(*conditions)


def _of(tenant: str, *conditions: ColumnElement[bool]) -> Select[tuple[Recipient]]:
    return select(Recipient).where(Recipient.tenant == tenant, *conditions)


def members(tenant: str, initiative_id: uuid.UUID) -> Select[tuple[Recipient]]:
    return _of(tenant, or_(_organization_takes_part(initiative_id),
                           _granted(initiative_id, *InitiativeRole)))


def staff(tenant: str, initiative_id: uuid.UUID) -> Select[tuple[Recipient]]:
    return _of(tenant, _staff(initiative_id))


def _staff(initiative_id: uuid.UUID) -> ColumnElement[bool]:
    return or_(_granted(initiative_id, InitiativeRole.BACKBONE),
               _organization_takes_part(initiative_id, role=ParticipantRole.BACKBONE))


def in_organizations(tenant: str, initiative_id: uuid.UUID,
                     organization_ids: list[uuid.UUID]) -> Select[tuple[Recipient]]:
    """The initiative's members acting for one of the organizations."""
    return members(tenant, initiative_id).where(
        Recipient.organization_id.in_(organization_ids))


def organizations_and_staff(tenant: str, initiative_id: uuid.UUID,
                            organization_ids: list[uuid.UUID]) -> Select[tuple[Recipient]]:
    """The initiative's members acting for one of the organizations, and its staff."""
    return members(tenant, initiative_id).where(or_(
        Recipient.organization_id.in_(organization_ids), _staff(initiative_id)))


def with_role(tenant: str, initiative_id: uuid.UUID,
              role: ParticipantRole) -> Select[tuple[Recipient]]:
    """Recipients whose organization takes part in the initiative in ``role``."""
    return _of(tenant, _organization_takes_part(initiative_id, role=role))


def working_group(tenant: str, initiative_id: uuid.UUID,
                  group_id: uuid.UUID) -> Select[tuple[Recipient]]:
    """Recipients of the organizations that are members of the group (an unknown group
    reaches no one)."""
    member_ids = select(func.unnest(KnownWorkingGroup.member_ids)).where(
        KnownWorkingGroup.id == group_id, KnownWorkingGroup.tenant == tenant,
        KnownWorkingGroup.initiative_id == initiative_id)
    return _of(tenant, _organization_takes_part(initiative_id, participants=member_ids))


def contributors_not_staff(tenant: str, initiative_id: uuid.UUID,
                           indicator_id: uuid.UUID) -> Select[tuple[Recipient]]:
    """The initiative's members of the organizations that report to the indicator, other
    than its backbone staff (who hear of it from the staff's view)."""
    reporting = exists().where(IndicatorContributor.indicator_id == indicator_id,
                               IndicatorContributor.organization_id == Recipient.organization_id)
    return members(tenant, initiative_id).where(reporting, ~_staff(initiative_id))


def network_admins(tenant: str) -> Select[tuple[Recipient]]:
    return _of(tenant, Recipient.grants.contains([NETWORK_ADMIN]))


def endpoint_managers(tenant: str, initiative_id: uuid.UUID | None) -> Select[tuple[Recipient]]:
    """Who manages a webhook endpoint: its initiative's staff, or the network's admins."""
    return network_admins(tenant) if initiative_id is None else staff(tenant, initiative_id)

