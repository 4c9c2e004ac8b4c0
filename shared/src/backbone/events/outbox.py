"""The transactional outbox: events are rows written in the state change's transaction.

An event added to a session is kept with the session and written as it commits, all of the
transaction's events in one round trip (before the commit, in the same transaction), sent
on the driver's connection by a statement prepared once per connection: written through
the ORM's unit of work, an event row cost about as much CPU as the whole rest of a small
write, and through a Core ``INSERT`` still a few percent of it (``docs/benchmarks.md``).
A rollback drops them with the rest.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any, cast

import asyncpg
from sqlalchemy import (
    DDL,
    BigInteger,
    DateTime,
    Identity,
    Index,
    String,
    Text,
    Uuid,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import AdaptedConnection
from sqlalchemy.event import listen, listens_for
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, Session, SessionTransaction, mapped_column

from backbone.consistency import emitted
from backbone.db import LibraryBase, utcnow
from backbone.events.actor import current_actor
from backbone.events.envelope import CloudEvent
from backbone.events.registry import DomainEvent, EventRegistry, EventType, Removed
from backbone.telemetry import current_traceparent

NOTIFY_CHANNEL = "backbone_outbox"
NOTIFY_TRIGGER = "outbox_notify"

# Every INSERT into the outbox wakes the relay at commit, however the rows were written (ORM,
# Core, or a data-modifying CTE): a statement-level trigger, so a bulk write notifies once,
# and PostgreSQL folds a transaction's notifications into one. Installed by each service's
# migrations (see ``backbone.migrations``) and whenever the table is created from metadata.
NOTIFY_TRIGGER_DDL = (
    "CREATE OR REPLACE FUNCTION backbone_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS "
    f"$$ BEGIN PERFORM pg_notify('{NOTIFY_CHANNEL}', ''); RETURN NULL; END $$",
    f"CREATE TRIGGER {NOTIFY_TRIGGER} AFTER INSERT ON outbox "
    "FOR EACH STATEMENT EXECUTE FUNCTION backbone_outbox_notify()",
)
DROP_NOTIFY_TRIGGER_DDL = (
    f"DROP TRIGGER IF EXISTS {NOTIFY_TRIGGER} ON outbox",
    "DROP FUNCTION IF EXISTS backbone_outbox_notify()",
)


class OutboxMessage(LibraryBase):
    """One event waiting to be (or already) published. ``seq`` gives the publishing order."""

    __tablename__ = "outbox"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    seq: Mapped[int] = mapped_column(BigInteger, Identity(always=True))
    topic: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(200))
    dataschema: Mapped[str] = mapped_column(Text)
    tenant: Mapped[str] = mapped_column(String(100))
    initiative: Mapped[str | None] = mapped_column(String(64))
    traceparent: Mapped[str | None] = mapped_column(String(64))
    actor: Mapped[str | None] = mapped_column(String(300))
    actor_org: Mapped[str | None] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    def event(self) -> CloudEvent:
        """The CloudEvent the relay will publish for this row."""
        return CloudEvent(
            id=self.id, source=self.source, type=self.type, subject=self.subject,
            time=self.created_at, dataschema=self.dataschema, tenant=self.tenant,
            initiative=self.initiative, traceparent=self.traceparent, data=self.payload,
            actor=self.actor, actororg=self.actor_org)

    __table_args__ = (
        Index("ix_outbox_unpublished", "seq", postgresql_where=published_at.is_(None)),
        # Only published rows are pruned: unpublished ones stay out of this index, so
        # writing an event costs two index entries (id, unpublished seq).
        Index("ix_outbox_published_at", "published_at",
              postgresql_where=published_at.is_not(None)),
    )


for _statement in NOTIFY_TRIGGER_DDL:
    listen(OutboxMessage.__table__, "after_create", DDL(_statement))

_PENDING = "backbone.outbox.pending"
_COLUMNS = [c.key for c in OutboxMessage.__table__.columns if c.key not in ("seq",
                                                                           "published_at")]
# The payload is sent as JSON text (cast in SQL), whatever codecs the connection has.
_INSERT = "INSERT INTO outbox ({}) VALUES ({})".format(
    ", ".join(_COLUMNS),
    ", ".join(f"${i}::text::jsonb" if c == "payload" else f"${i}"
              for i, c in enumerate(_COLUMNS, 1)))


def _record(message: OutboxMessage) -> tuple[Any, ...]:
    return tuple(json.dumps(message.payload) if c == "payload" else getattr(message, c)
                 for c in _COLUMNS)


async def write_messages(driver: asyncpg.Connection, messages: list[OutboxMessage]) -> None:
    """Write a transaction's events, in one round trip, on its driver connection."""
    if not driver.is_in_transaction():  # e.g. SQLAlchemy's adapter began none: autocommit
        raise RuntimeError("events are written only in a transaction")
    await driver.executemany(_INSERT, [_record(m) for m in messages])


@listens_for(Session, "before_commit")
def _write_pending(session: Session) -> None:
    pending: list[OutboxMessage] = session.info.pop(_PENDING, [])
    if pending:
        adapted = cast(AdaptedConnection, session.connection().connection.dbapi_connection)
        adapted.run_async(lambda driver: write_messages(driver, pending))


@listens_for(Session, "after_soft_rollback")
def _drop_pending(session: Session, _: SessionTransaction) -> None:
    session.info.pop(_PENDING, None)


class Outbox:
    """Adds events of one service to the current transaction."""

    def __init__(self, registry: EventRegistry) -> None:
        self.topic = registry.topic
        self.source = registry.source
        self.service = registry.service

    def add(self, session: AsyncSession, event: DomainEvent) -> OutboxMessage:
        """Add the event to the session's transaction (written as it commits)."""
        message = self.message(event)
        session.info.setdefault(_PENDING, []).append(message)
        emitted(session, message.key, message.type, message.id)
        return message

    def message(self, event: DomainEvent) -> OutboxMessage:
        """The event's outbox row, caused by the current actor in the current trace."""
        actor = current_actor(self.service)
        return OutboxMessage(
            id=uuid.uuid4(),
            topic=self.topic,
            key=event.key,
            type=event.event_type.type,
            source=self.source,
            subject=str(event.subject),
            dataschema=event.event_type.dataschema,
            tenant=event.tenant,
            initiative=str(event.initiative) if event.initiative else None,
            traceparent=current_traceparent(),
            actor=actor.id,
            actor_org=actor.organization,
            payload=event.data.model_dump(mode="json"),
            created_at=utcnow(),
        )

    async def emit_state(
        self, session: AsyncSession, event_type: EventType, entity: Any,
        initiative_id: uuid.UUID | None,
    ) -> OutboxMessage:
        """Publish the entity's state after the change (flushes so server defaults are known)."""
        await session.flush()
        return self.add(session, DomainEvent(
            event_type=event_type, tenant=entity.tenant, subject=entity.id,
            initiative=initiative_id, data=event_type.payload.model_validate(entity),
        ))

    async def emit_removed(
        self, session: AsyncSession, event_type: EventType, entity: Any
    ) -> OutboxMessage:
        """Announce that an initiative-owned entity was deleted."""
        return self.add(session, DomainEvent(
            event_type=event_type, tenant=entity.tenant, subject=entity.id,
            initiative=entity.initiative_id,
            data=Removed(id=entity.id, initiative_id=entity.initiative_id),
        ))
