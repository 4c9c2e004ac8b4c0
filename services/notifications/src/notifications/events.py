"""The events the notifications service publishes on ``backbone.notifications.v1``."""

from __future__ import annotations

import uuid

from pydantic import ConfigDict, Field

from backbone.events.outbox import Outbox
from backbone.events.registry import EventPayload, EventRegistry
from notifications import schemas


class EndpointState(EventPayload, schemas.EndpointRead):
    model_config = ConfigDict(extra="forbid", from_attributes=True)


class EndpointDisabled(EventPayload):
    id: uuid.UUID
    initiative_id: uuid.UUID | None
    reason: str


class EndpointRemoved(EventPayload):
    id: uuid.UUID
    initiative_id: uuid.UUID | None


class EndpointTested(EventPayload):
    id: uuid.UUID
    initiative_id: uuid.UUID | None


class DeliveryExhausted(EventPayload):
    id: uuid.UUID
    endpoint_id: uuid.UUID
    initiative_id: uuid.UUID | None
    event_id: uuid.UUID
    event_type: str
    attempts: int
    last_status_code: int | None
    last_error: str | None


class AnnouncementState(EventPayload, schemas.AnnouncementRead):
    model_config = ConfigDict(extra="forbid", from_attributes=True)


class NotificationCreated(EventPayload):
    """That a notification was made for a recipient: ids only, never its text."""

    id: uuid.UUID
    recipient: str = Field(description="The recipient's token subject.")
    initiative_id: uuid.UUID | None
    category: schemas.Category
    event_id: uuid.UUID = Field(description="The event the notification was made from.")
    event_type: str


registry = EventRegistry("notifications")
outbox = Outbox(registry)

ENDPOINT_CREATED = registry.define("endpoint.created", EndpointState,
                                   "A webhook endpoint was registered.")
ENDPOINT_UPDATED = registry.define("endpoint.updated", EndpointState,
                                   "A webhook endpoint changed (URL, filters, enabled...).")
ENDPOINT_DISABLED = registry.define("endpoint.disabled", EndpointDisabled,
                                    "A webhook endpoint was disabled by the service (it "
                                    "answered 410 Gone, or failed continuously too long).")
ENDPOINT_DELETED = registry.define("endpoint.deleted", EndpointRemoved,
                                   "A webhook endpoint was deleted.")
ENDPOINT_TESTED = registry.define("endpoint.tested", EndpointTested,
                                  "A test delivery to an endpoint was asked for; the endpoint "
                                  "receives this event (and only it does).")
DELIVERY_EXHAUSTED = registry.define("delivery.exhausted", DeliveryExhausted,
                                     "A delivery failed on every attempt of the schedule.")
ANNOUNCEMENT_PUBLISHED = registry.define(
    "announcement.published", AnnouncementState,
    "Backbone staff published an announcement to an audience of the initiative.")
NOTIFICATION_CREATED = registry.define(
    "notification.created", NotificationCreated,
    "A notification was made for one recipient (in their inbox, or for their email).")
