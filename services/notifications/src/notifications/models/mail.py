"""Emails to send: written in the transaction that decides to send them, sent by the mail
worker (claimed with ``FOR UPDATE SKIP LOCKED``, retried), so a crash loses none and a
replayed event sends none twice (``key``)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from backbone.db import utcnow
from notifications.models.base import Base


class Email(Base):
    __tablename__ = "emails"
    __table_args__ = (Index("ix_emails_due", "send_after", postgresql_where="status = 'pending'"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    key: Mapped[str] = mapped_column(String(400), unique=True)  # what caused it, once
    tenant: Mapped[str] = mapped_column(String(100))
    to_address: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="pending")  # pending, sent, failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    send_after: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    leased_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
