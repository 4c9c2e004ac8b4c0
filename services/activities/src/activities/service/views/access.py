"""Who may see the views: everyone with a role in the initiative."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.access import require_role
from backbone.auth.principal import InitiativeRole, Principal
from backbone.readmodels.agenda import KnownInitiative
from backbone.repository import get_owned


async def readable_initiative(session: AsyncSession, principal: Principal,
                              initiative_id: uuid.UUID) -> None:
    await get_owned(session, KnownInitiative, principal.tenant, initiative_id, "initiative")
    require_role(principal, initiative_id, InitiativeRole.VIEWER)
