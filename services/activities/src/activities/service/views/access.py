"""Who may see the views: everyone with a role in the initiative."""

from __future__ import annotations

import uuid

from backbone.auth.access import require_role
from backbone.auth.principal import InitiativeRole, Principal
from backbone.readmodels.agenda import KnownInitiative
from backbone.rows import RowReader


async def readable_initiative(read: RowReader, principal: Principal,
                              initiative_id: uuid.UUID) -> None:
    await read.owned(KnownInitiative, principal.tenant, initiative_id, "initiative")
    require_role(principal, initiative_id, InitiativeRole.VIEWER)
