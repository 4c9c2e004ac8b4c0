"""The activity feed's rows."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, Index, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from notifications.models.base import Base


class FeedEntry(Base):
    """One event of an initiative, from any service, as the activity feed shows it: who did
    what to which entity, when; never the event's data. ``audience`` is ``members`` (anyone
    with a role in the initiative) or ``staff`` (its backbone staff: events about data not
    reviewed yet, and the initiative's webhook endpoints)."""

    __tablename__ = "feed_entries"
    __table_args__ = (Index("ix_feed_entries_initiative_occurred", "initiative_id",
                            "occurred_at", "event_id"),)

    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    tenant: Mapped[str] = mapped_column(String(100))
    initiative_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    service: Mapped[str] = mapped_column(String(50))
    type: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(200))
    actor: Mapped[str | None] = mapped_column(String(300))
    actor_org: Mapped[str | None] = mapped_column(String(64))
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    audience: Mapped[str] = mapped_column(String(10))
