"""Making notifications: one per recipient a rule reaches, kept in their inbox and/or
emailed as their preferences say, announced (``notification.created``, ids only) and
signalled to their live streams, all in the consumer's transaction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from backbone import pgnotify
from backbone.db import utcnow
from backbone.events.envelope import CloudEvent
from backbone.events.registry import DomainEvent
from notifications import schemas
from notifications.config import Settings
from notifications.events import NOTIFICATION_CREATED, NotificationCreated, outbox
from notifications.models import Notification, Recipient
from notifications.service import mail

STREAM_CHANNEL = "backbone_inbox"
FOOTER = ("\n\n--\nBackbone notifications. Choose what reaches you, and how, with "
          "PUT /v1/me/preferences.")


@dataclass(frozen=True)
class Message:
    category: schemas.Category
    title: str
    body: str


def preferences(recipient: Recipient) -> schemas.Preferences:
    return schemas.Preferences.model_validate(recipient.preferences or {})


async def signal_streams(session: AsyncSession, tenant: str, subjects: set[str]) -> None:
    """Wake, once this transaction commits, the live streams of these recipients."""
    if subjects:
        await pgnotify.notify(session, STREAM_CHANNEL,
                              *[f"{tenant}\n{subject}" for subject in sorted(subjects)])


async def _serialize_per_recipient(session: AsyncSession, tenant: str,
                                   subjects: set[str]) -> None:
    """One transaction at a time makes a recipient's notifications (locks taken in one
    order, so never a deadlock): their ``seq`` then grows in commit order, and a stream
    that has read up to a ``seq`` never misses a smaller one committed later."""
    await session.execute(text(
        "SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(k, 0) AS h "
        "FROM unnest(CAST(:keys AS text[])) k ORDER BY h) AS ordered"),
        {"keys": [f"inbox\n{tenant}\n{s}" for s in subjects]})


async def notify(session: AsyncSession, settings: Settings, event: CloudEvent,
                 recipients: Select[tuple[Recipient]], message: Message) -> None:
    now = utcnow()
    initiative = uuid.UUID(event.initiative) if event.initiative else None
    rows: list[dict[str, Any]] = []
    emails: dict[str, tuple[str, datetime]] = {}
    for person in (await session.execute(recipients)).scalars():
        wanted = preferences(person)
        channels = wanted.channels(message.category)
        if not (channels.inbox or channels.email):
            continue
        rows.append({"id": uuid.uuid4(), "tenant": event.tenant, "recipient": person.subject,
                     "initiative_id": initiative, "category": message.category,
                     "event_id": event.id, "event_type": event.type,
                     "subject": event.subject, "title": message.title[:300],
                     "body": message.body, "in_inbox": channels.inbox, "created_at": now})
        if channels.email and person.email and settings.smtp_host and \
                wanted.digest == schemas.DigestCadence.OFF:
            quiet = wanted.quiet_hours
            emails[person.subject] = (person.email, quiet.release_time(now) if quiet else now)
    if not rows:
        return
    await _serialize_per_recipient(session, event.tenant, {r["recipient"] for r in rows})
    made = (await session.execute(insert(Notification).values(rows).on_conflict_do_nothing(
        index_elements=[Notification.tenant, Notification.recipient, Notification.event_id])
        .returning(Notification.id, Notification.recipient, Notification.in_inbox))).all()
    for notification_id, recipient, _ in made:
        outbox.add(session, DomainEvent(
            event_type=NOTIFICATION_CREATED, tenant=event.tenant, subject=notification_id,
            initiative=initiative, data=NotificationCreated(
                id=notification_id, recipient=recipient, initiative_id=initiative,
                category=message.category, event_id=event.id, event_type=event.type)))
    await mail.queue(session, *[
        mail.Outgoing(key=f"notification:{notification_id}", tenant=event.tenant,
                      to=emails[recipient][0], subject=message.title,
                      body=message.body + FOOTER, send_after=emails[recipient][1])
        for notification_id, recipient, _ in made if recipient in emails])
    await signal_streams(session, event.tenant, {r for _, r, in_inbox in made if in_inbox})
