"""Webhook endpoints, secrets and deliveries: request and response models."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StrictBool, StrictInt

from backbone.http.schemas import EntityRead, Input, IsoDateTime, Patch, example, patch_field

Url = Annotated[str, Field(min_length=8, max_length=2000, pattern=r"^https?://\S+$",
                           examples=["https://crm.example.org/hooks/backbone"])]
Description = Annotated[str, Field(max_length=500)]
RateLimit = Annotated[StrictInt | None, Field(
    ge=1, le=1000, description="At most this many delivery attempts per second (across "
                               "replicas); none: as fast as the endpoint answers.")]
EventTypes = Annotated[
    list[Annotated[str, Field(min_length=1, max_length=200)]],
    Field(min_length=1, max_length=50,
          description="Exact event types, or prefixes ending in `.*` "
                      "(`org.backbone.measurement.*`); `*` is every event.",
          examples=[["org.backbone.agenda.decision.*", "org.backbone.measurement.*"]])]


class EndpointCreate(Input):
    model_config = example(
        url="https://crm.riverside.example/hooks/backbone", description="CRM sync",
        event_types=["org.backbone.agenda.*", "org.backbone.measurement.indicator.status_changed"],
        contact_email="it@riverside.example")

    url: Url
    description: Description = ""
    event_types: EventTypes = ["*"]
    initiative_id: uuid.UUID | None = Field(
        None, description="Only this initiative's events, managed by its backbone staff; "
                          "absent: the whole network's, managed by network admins.")
    enabled: StrictBool = True
    contact_email: EmailStr | None = Field(
        None, description="Told when the endpoint is disabled or a delivery is given up.")
    rate_limit: RateLimit = None


class EndpointUpdate(Patch):
    model_config = example(enabled=False)

    url: Url = patch_field()
    description: Description = patch_field()
    event_types: EventTypes = patch_field()
    enabled: StrictBool = patch_field(description="Enabling a disabled endpoint clears its reason.")
    contact_email: EmailStr | None = patch_field()
    rate_limit: RateLimit = patch_field()


class EndpointRead(EntityRead):
    initiative_id: uuid.UUID | None
    url: str
    description: str
    event_types: list[str]
    enabled: bool
    disabled_reason: str | None
    contact_email: str | None
    rate_limit: int | None
    failing_since: datetime | None


class EndpointSecret(BaseModel):
    """The signing secret (``whsec_`` + base64): shown when made, never again."""

    endpoint_id: uuid.UUID
    secret: str
    previous_secret_expires_at: datetime | None = None


class EndpointCreated(EndpointRead):
    secret: str = Field(description="The signing secret: shown once, keep it.")


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"


class DeliveryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    endpoint_id: uuid.UUID
    event_id: uuid.UUID = Field(description="Also the `webhook-id` header of every attempt.")
    event_type: str
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime | None = Field(description="When pending: the next attempt.")
    last_status_code: int | None
    last_error: str | None
    last_latency_ms: float | None
    last_response: str | None = Field(description="The start of the last response's body.")
    created_at: datetime
    updated_at: datetime


class RecoverRequest(Input):
    model_config = example(since="2026-11-30T00:00:00Z")

    since: IsoDateTime = Field(description="Failed deliveries created at or after this.")


class Recovered(BaseModel):
    scheduled: int = Field(description="How many failed deliveries were scheduled again.")
