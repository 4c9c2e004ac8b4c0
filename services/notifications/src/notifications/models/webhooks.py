"""Webhook endpoints and their deliveries.

A delivery is one event for one endpoint: claimed by a worker (``leased_until``), attempted,
and either delivered, scheduled again (``next_attempt_at``) or given up. Initiatives are
known from the library's agenda read model.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ARRAY, Boolean, DateTime, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from backbone.db import TenantEntity, TenantScoped, utcnow
from notifications.models.base import Base


class WebhookEndpoint(TenantEntity, Base):
    """Where a network (``initiative_id`` empty) or one initiative's backbone staff receive
    events, signed with ``secret`` (and ``previous_secret`` until it expires)."""

    __tablename__ = "webhook_endpoints"
    __table_args__ = (Index("ix_webhook_endpoints_list", "tenant", "updated_at", "id"),)

    initiative_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    url: Mapped[str] = mapped_column(String(2000))
    description: Mapped[str] = mapped_column(String(500))
    event_types: Mapped[list[str]] = mapped_column(ARRAY(String(200)))
    enabled: Mapped[bool] = mapped_column(Boolean)
    disabled_reason: Mapped[str | None] = mapped_column(String(300))
    contact_email: Mapped[str | None] = mapped_column(String(320))
    secret: Mapped[str] = mapped_column(String(100))
    previous_secret: Mapped[str | None] = mapped_column(String(100))
    previous_secret_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    failing_since: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    rate_limit: Mapped[int | None] = mapped_column(Integer)  # attempts per second


class Delivery(TenantScoped, Base):
    __tablename__ = "deliveries"
    __table_args__ = (
        Index("ix_deliveries_due", "endpoint_id", "next_attempt_at",
              postgresql_where="status = 'pending'"),
        Index("uq_deliveries_endpoint_event", "endpoint_id", "event_id", unique=True),
        Index("ix_deliveries_recent_claims", "endpoint_id", "claimed_at"),
        Index("ix_deliveries_list", "endpoint_id", "updated_at", "id"),
    )

    endpoint_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_endpoints.id", ondelete="CASCADE"))
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    event_type: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)  # the CloudEvent, structured JSON, as sent
    status: Mapped[str] = mapped_column(String(20))  # pending, delivered, failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    leased_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(String(500))
    last_latency_ms: Mapped[float | None] = mapped_column()
    last_response: Mapped[str | None] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 index=True)
