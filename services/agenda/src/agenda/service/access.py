"""Agenda-specific permission and consistency checks."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Uuid, any_, bindparam, exists, select
from sqlalchemy.dialects.postgresql import ARRAY

from agenda.models import Participant
from agenda.schemas import dates_in_order
from backbone.auth.principal import InitiativeRole, Principal
from backbone.errors import Forbidden, Invalid
from backbone.rows import RowQuery, RowReader


def ensure_dates_in_order(start: date | None, end: date | None) -> None:
    """For partial updates, where the model alone cannot see both dates."""
    if not dates_in_order(start, end):
        raise Invalid("The end date is before the start date.", kind="invalid-dates")


_PARTNER_OF = RowQuery(select(exists().where(
    Participant.tenant == bindparam("tenant"),
    Participant.organization_id == bindparam("organization_id"),
    Participant.initiative_id == any_(bindparam("initiatives", type_=ARRAY(Uuid))),
).label("found")))


def edits_whole_directory(principal: Principal) -> bool:
    """Network admins and backbone staff: they add organizations and edit any entry (the
    token says so; nothing is looked up)."""
    return principal.is_network_admin or any(
        principal.has_role(i, InitiativeRole.BACKBONE) for i in principal.initiative_ids())


async def require_directory_editor(
    reader: RowReader, principal: Principal, organization_id: uuid.UUID | None = None
) -> None:
    """Network admins and backbone staff edit the directory; a partner edits its own
    organization's entry, if it is a partner of an initiative the organization takes part
    in. A token's ``org`` claim alone grants nothing."""
    if edits_whole_directory(principal):
        return
    initiatives = principal.initiative_ids()
    as_partner = [i for i in initiatives if principal.has_role(i, InitiativeRole.PARTNER)]
    if organization_id is not None and principal.org == organization_id and as_partner:
        found = await reader.one(_PARTNER_OF, {"tenant": principal.tenant,
                                               "organization_id": organization_id,
                                               "initiatives": as_partner})
        if found is not None and found["found"]:
            return
    raise Forbidden("Only network admins, backbone staff, or a partner for its own "
                    "organization, may do this.")
