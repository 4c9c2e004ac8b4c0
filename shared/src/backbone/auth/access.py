"""Permission checks on a principal (404 for callers with no role: nothing leaks)."""

from __future__ import annotations

import uuid

from backbone.auth.principal import InitiativeRole, Principal
from backbone.errors import Forbidden, NotFound


def require_role(principal: Principal, initiative_id: uuid.UUID, role: InitiativeRole) -> None:
    granted = principal.role_in(initiative_id)
    if granted is None:
        raise NotFound.of("initiative")
    if granted < role:
        raise Forbidden(f"This needs the {role.name.lower()} role in the initiative.")


def require_network_admin(principal: Principal) -> None:
    if not principal.is_network_admin:
        raise Forbidden("This needs the network:admin role.")
