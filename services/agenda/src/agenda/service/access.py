"""Agenda-specific permission and consistency checks."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from agenda.models import Participant
from agenda.schemas import dates_in_order
from backbone.auth.principal import InitiativeRole, Principal
from backbone.errors import Forbidden, Invalid


def ensure_dates_in_order(start: date | None, end: date | None) -> None:
    """For partial updates, where the model alone cannot see both dates."""
    if not dates_in_order(start, end):
        raise Invalid("The end date is before the start date.", kind="invalid-dates")


async def require_directory_editor(
    session: AsyncSession, principal: Principal, organization_id: uuid.UUID | None = None
) -> None:
    """Network admins and backbone staff edit the directory; a partner edits its own
    organization's entry, if it is a partner of an initiative the organization takes part
    in. A token's ``org`` claim alone grants nothing."""
    if principal.is_network_admin:
        return
    initiatives = principal.initiative_ids()
    if any(principal.has_role(i, InitiativeRole.BACKBONE) for i in initiatives):
        return
    as_partner = [i for i in initiatives if principal.has_role(i, InitiativeRole.PARTNER)]
    if organization_id is not None and principal.org == organization_id and as_partner and (
            await session.scalar(select(exists().where(
                Participant.tenant == principal.tenant,
                Participant.organization_id == organization_id,
                Participant.initiative_id.in_(as_partner))))):
        return
    raise Forbidden("Only network admins, backbone staff, or a partner for its own "
                    "organization, may do this.")
