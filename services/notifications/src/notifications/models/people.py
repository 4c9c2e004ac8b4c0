"""Recipients, their inbox notifications, and the announcements backbone staff publish.

A recipient is a user known by their token's ``sub``: the organization they act for and
the initiative grants of their latest token are recorded on each call to ``/v1/me``, so
rules can reach them by organization and by role; network admins may also upsert
recipients in bulk (a CRM sync), with their email.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Identity,
    Index,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from backbone.db import TenantEntity, utcnow
from notifications.models.base import Base


class Recipient(TenantEntity, Base):
    __tablename__ = "recipients"
    __table_args__ = (UniqueConstraint("tenant", "subject"),
                      Index("ix_recipients_organization", "tenant", "organization_id"),
                      Index("ix_recipients_list", "tenant", "updated_at", "id"))

    subject: Mapped[str] = mapped_column(String(300))
    name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str | None] = mapped_column(String(320))
    organization_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    grants: Mapped[list[str]] = mapped_column(ARRAY(String(200)), default=list)
    external_ids: Mapped[dict[str, str]] = mapped_column(JSONB, default=dict)
    preferences: Mapped[dict[str, Any]] = mapped_column(JSONB)
    digest_since: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Notification(Base):
    """One message in one recipient's inbox, made by a rule from one event (``event_id``,
    so a replayed event makes none twice). ``seq`` orders a recipient's notifications and is
    the live stream's event id."""

    __tablename__ = "notifications"
    __table_args__ = (UniqueConstraint("tenant", "recipient", "event_id"),
                      Index("ix_notifications_inbox", "tenant", "recipient", "created_at",
                            "id"),
                      Index("ix_notifications_unread", "tenant", "recipient",
                            postgresql_where="read_at IS NULL"))

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    seq: Mapped[int] = mapped_column(BigInteger, Identity(), unique=True)
    tenant: Mapped[str] = mapped_column(String(100))
    recipient: Mapped[str] = mapped_column(String(300))  # the recipient's subject
    initiative_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    category: Mapped[str] = mapped_column(String(20))
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    event_type: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(200))  # the entity the event is about
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    in_inbox: Mapped[bool] = mapped_column(Boolean)  # else kept for the recipient's emails
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Announcement(TenantEntity, Base):
    """A message from an initiative's backbone staff to an audience: everyone in the
    initiative, the organizations with a participant role, a working group's members, or
    chosen organizations (``audience`` as its request said)."""

    __tablename__ = "announcements"
    __table_args__ = (Index("ix_announcements_list", "initiative_id", "updated_at", "id"),)

    initiative_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    audience: Mapped[dict[str, Any]] = mapped_column(JSONB)
    author: Mapped[str] = mapped_column(String(300))
