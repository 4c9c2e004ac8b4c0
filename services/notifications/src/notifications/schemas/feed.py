"""The activity feed's entries."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class FeedAudience(StrEnum):
    MEMBERS = "members"
    STAFF = "staff"


class FeedEntryRead(BaseModel):
    """One event of the initiative: who did what to which entity, and when."""

    model_config = ConfigDict(from_attributes=True)

    event_id: uuid.UUID
    service: str = Field(examples=["agenda"])
    type: str = Field(examples=["org.backbone.agenda.decision.recorded"])
    subject: str = Field(description="The id of the entity the event is about.")
    actor: str | None = Field(description="Who caused it: a token subject, or "
                                          "`service:<name>` for a service's own reaction.")
    actor_org: str | None
    occurred_at: datetime
    audience: FeedAudience = Field(description="`staff`: shown to backbone staff only.")
