"""Agenda-specific permission and consistency checks."""

from __future__ import annotations

import uuid
from datetime import date

from agenda.schemas import dates_in_order
from backbone.auth.principal import InitiativeRole, Principal
from backbone.http.problems import ProblemError, forbidden


def ensure_dates_in_order(start: date | None, end: date | None) -> None:
    """For partial updates, where the model alone cannot see both dates."""
    if not dates_in_order(start, end):
        raise ProblemError(422, "The end date is before the start date.", kind="invalid-dates")


def require_directory_editor(
    principal: Principal, organization_id: uuid.UUID | None = None
) -> None:
    """Network admins and backbone staff edit the directory; a partner edits its own entry."""
    if principal.is_network_admin or (organization_id and principal.org == organization_id):
        return
    if any(principal.has_role(i, InitiativeRole.BACKBONE) for i in principal.initiative_ids()):
        return
    raise forbidden("Only network admins, backbone staff or the organization itself may do this.")
