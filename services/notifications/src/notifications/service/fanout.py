"""Every Backbone event becomes one delivery per endpoint that wants it: an enabled endpoint
of the event's network whose filters match its type, and (for an initiative's endpoint) of
that initiative. Scoping is by the event's tenant and initiative attributes, so an endpoint
never receives another network's or another initiative's events; network-level events
(organizations) go to network endpoints only."""

from __future__ import annotations

import uuid

from sqlalchemy import ColumnElement, bindparam, or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.contracts.agenda.events import registry as agenda
from backbone.db import utcnow
from backbone.events.consumer import AllEventsOf
from backbone.events.envelope import CloudEvent
from backbone.upserts import compiled_once
from notifications.domain.patterns import matches
from notifications.models import Delivery, WebhookEndpoint
from notifications.schemas import DeliveryStatus
from notifications.service.worker import wake_workers

PUBLISHERS = (agenda.service, "measurement", "activities")
"""The services whose events are delivered (by their service names, which name their
topics and type prefixes); this service's own events are not, so a delivery's outcome never
causes another delivery."""


_DELIVER = compiled_once(insert(Delivery).values({c: bindparam(c) for c in (
    "id", "tenant", "endpoint_id", "event_id", "event_type", "body", "status", "attempts",
    "next_attempt_at", "created_at", "updated_at")}).on_conflict_do_nothing(
    index_elements=[Delivery.endpoint_id, Delivery.event_id]))


async def fan_out(session: AsyncSession, event: CloudEvent) -> None:
    scope: list[ColumnElement[bool]] = [WebhookEndpoint.initiative_id.is_(None)]
    if event.initiative is not None:
        scope.append(WebhookEndpoint.initiative_id == uuid.UUID(event.initiative))
    endpoints = (await session.execute(
        select(WebhookEndpoint.id, WebhookEndpoint.event_types).where(
            WebhookEndpoint.tenant == event.tenant, WebhookEndpoint.enabled, or_(*scope)))).all()
    wanted = [e.id for e in endpoints if matches(e.event_types, event.type)]
    if not wanted:
        return
    body, now = event.structured(), utcnow()
    await session.execute(_DELIVER, [
        {"id": uuid.uuid4(), "tenant": event.tenant, "endpoint_id": endpoint_id,
         "event_id": event.id, "event_type": event.type, "body": body,
         "status": DeliveryStatus.PENDING.value, "attempts": 0, "next_attempt_at": now,
         "created_at": now, "updated_at": now}
        for endpoint_id in wanted])
    await wake_workers(session)


SUBSCRIPTIONS = [AllEventsOf(service, fan_out) for service in PUBLISHERS]
