"""The inbox: which events a consumer has applied, written in the handler's transaction."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, String, Uuid, bindparam
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from backbone.db import LibraryBase, utcnow
from backbone.upserts import compiled_once


class InboxMessage(LibraryBase):
    __tablename__ = "inbox"

    consumer: Mapped[str] = mapped_column(String(100), primary_key=True)
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    event_type: Mapped[str] = mapped_column(String(200))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


_CLAIM = compiled_once(
    insert(InboxMessage).values(consumer=bindparam("consumer"), event_id=bindparam("event_id"),
                                event_type=bindparam("event_type"),
                                received_at=bindparam("received_at"))
    .on_conflict_do_nothing().returning(InboxMessage.event_id))


async def claim(session: AsyncSession, consumer: str, event_id: uuid.UUID, event_type: str) -> bool:
    """Record the event as applied by ``consumer``; False when it already was (a duplicate)."""
    result = await session.execute(_CLAIM, {"consumer": consumer, "event_id": event_id,
                                            "event_type": event_type, "received_at": utcnow()})
    return result.scalar_one_or_none() is not None
