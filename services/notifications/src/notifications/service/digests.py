"""Digests: for recipients with a daily or weekly cadence, one email per period grouping
the notifications of the categories they get by email; an empty period sends nothing.

``send_due`` claims the recipients whose period has passed (``FOR UPDATE SKIP LOCKED``, so
replicas share the work), queues each digest under a key naming the period (never sent
twice) and starts the next period, all in one transaction.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.db import SessionFactory, utcnow
from notifications import schemas
from notifications.config import Settings
from notifications.models import Notification, Recipient
from notifications.service import mail
from notifications.service.notify import FOOTER, preferences

PERIODS = {schemas.DigestCadence.DAILY: timedelta(days=1),
           schemas.DigestCadence.WEEKLY: timedelta(days=7)}
BATCH = 200


def _compose(cadence: schemas.DigestCadence, notes: list[Notification]) -> tuple[str, str]:
    by_category: dict[str, list[Notification]] = defaultdict(list)
    for note in notes:
        by_category[note.category].append(note)
    parts = []
    for category, items in sorted(by_category.items()):
        lines = "\n".join(f"- {n.created_at:%Y-%m-%d %H:%M} UTC  {n.title}" for n in items)
        parts.append(f"{category.capitalize()} ({len(items)})\n{lines}")
    subject = f"Your {cadence.value} Backbone digest: {len(notes)} " + (
        "update" if len(notes) == 1 else "updates")
    return subject, "\n\n".join(parts) + FOOTER


async def send_due(session: AsyncSession, now: datetime) -> int:
    """Queues the digests due at ``now``; how many recipients' periods it ended."""
    digest = Recipient.preferences["digest"].astext
    due = (await session.execute(select(Recipient).where(
        Recipient.email.isnot(None),
        or_(*[and_(digest == cadence.value, Recipient.digest_since <= now - period)
              for cadence, period in PERIODS.items()]))
        .order_by(Recipient.digest_since).limit(BATCH).with_for_update(skip_locked=True))
    ).scalars().all()
    digests: list[mail.Outgoing] = []
    for person in due:
        wanted = preferences(person)
        by_email = [c for c in schemas.Category if wanted.channels(c).email]
        notes = list((await session.execute(select(Notification).where(
            Notification.tenant == person.tenant, Notification.recipient == person.subject,
            Notification.created_at > person.digest_since, Notification.created_at <= now,
            Notification.category.in_(by_email)).order_by(Notification.created_at))).scalars())
        if notes and person.email:
            subject, body = _compose(wanted.digest, notes)
            quiet = wanted.quiet_hours
            digests.append(mail.Outgoing(
                key=f"digest:{person.id}:{now.isoformat()}", tenant=person.tenant,
                to=person.email, subject=subject, body=body,
                send_after=quiet.release_time(now) if quiet else now))
        person.digest_since = now
    await mail.queue(session, *digests)
    return len(due)


class DigestWorker:
    name = "digests"
    serves_requests = False

    def __init__(self, settings: Settings, sessionmaker: SessionFactory) -> None:
        self.settings = settings
        self.sessionmaker = sessionmaker

    async def run(self) -> None:
        while True:
            while True:  # until a round claims less than a batch
                async with self.sessionmaker() as session, session.begin():
                    if await send_due(session, utcnow()) < BATCH:
                        break
            await asyncio.sleep(self.settings.digest_check_interval_s)
