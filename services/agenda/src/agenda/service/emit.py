"""Adding agenda events to the outbox."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from agenda.events import Removed, outbox
from backbone.events.registry import DomainEvent, EventType


async def emit_state(
    session: AsyncSession, event_type: EventType, entity: Any, initiative_id: uuid.UUID | None
) -> None:
    """Publish the entity's state after the change (flushes so server defaults are known)."""
    await session.flush()
    await outbox.add(session, DomainEvent(
        event_type=event_type, tenant=entity.tenant, subject=entity.id,
        initiative=initiative_id, data=event_type.payload.model_validate(entity),
    ))


async def emit_removed(session: AsyncSession, event_type: EventType, entity: Any) -> None:
    await outbox.add(session, DomainEvent(
        event_type=event_type, tenant=entity.tenant, subject=entity.id,
        initiative=entity.initiative_id,
        data=Removed(id=entity.id, initiative_id=entity.initiative_id),
    ))
