"""Another service's events as it publishes them, applied through a service's own consumer:
how the tests of a service that keeps a read model announce what it reads without running
the publisher."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from backbone.events.consumer import EventConsumer
from backbone.events.envelope import CloudEvent
from backbone.events.registry import EventPayload, EventType


def as_published(tenant: str, event_type: EventType[Any], payload: EventPayload,
                 initiative: uuid.UUID | None, subject: uuid.UUID | None = None) -> CloudEvent:
    """The CloudEvent the publisher's relay would send (its subject: the payload's ``id``
    unless named)."""
    data = payload.model_dump(mode="json")
    return CloudEvent(
        id=uuid.uuid4(), source=event_type.source, type=event_type.type,
        subject=str(subject or data["id"]), time=datetime.now(UTC),
        dataschema=event_type.dataschema, tenant=tenant,
        initiative=str(initiative) if initiative else None, traceparent=None, data=data,
        actor="test")


def new_entity() -> dict[str, Any]:
    """The fields every published entity state has, for a new entity."""
    now = datetime.now(UTC)
    return {"id": uuid.uuid4(), "version": 1, "created_at": now, "updated_at": now}


@dataclass
class Feed:
    consumer: EventConsumer

    async def publish(self, tenant: str, event_type: EventType[Any], payload: EventPayload,
                      initiative: uuid.UUID | None, subject: uuid.UUID | None = None) -> None:
        await self.consumer.apply(as_published(tenant, event_type, payload, initiative,
                                               subject))
