"""Who may write what: backbone staff (and network admins) everything in their initiative;
a partner what belongs to its own organization (the activities it leads, its contributions
and commitments); viewers nothing. Another tenant's ids are 404s before any of this."""

from __future__ import annotations

import uuid

from backbone.auth.access import require_role
from backbone.auth.principal import InitiativeRole, Principal
from backbone.errors import Forbidden


def is_staff(principal: Principal, initiative_id: uuid.UUID) -> bool:
    return principal.has_role(initiative_id, InitiativeRole.BACKBONE)


def require_own(principal: Principal, initiative_id: uuid.UUID,
                organization_id: uuid.UUID, what: str) -> None:
    """Staff pass; a partner passes for its own organization's ``what``; else 403 (404 for
    a caller with no role in the initiative)."""
    if is_staff(principal, initiative_id):
        return
    require_role(principal, initiative_id, InitiativeRole.PARTNER)
    if principal.org is None or principal.org != organization_id:
        raise Forbidden(f"Partners may only {what} of their own organization.")
