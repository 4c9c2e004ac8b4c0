"""Emails: queued in the transaction that decides to send them, sent by the mail worker.

The worker claims due emails with ``FOR UPDATE SKIP LOCKED`` and a lease (replicas never
send the same one; a crash leaves it to be claimed again once the lease ends), sends each
over SMTP with ``aiosmtplib``, and tries again on the settings' schedule before giving up.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage

import aiosmtplib
import structlog
from sqlalchemy import bindparam, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.db import SessionFactory, utcnow
from backbone.pgnotify import listening, notify
from backbone.upserts import compiled_once
from notifications.config import Settings
from notifications.models import Email

log = structlog.get_logger(__name__)

WAKE_CHANNEL = "backbone_emails"
LEASE_S = 120.0
DUE = text("""
    SELECT id FROM emails
    WHERE status = 'pending' AND send_after <= now()
      AND (leased_until IS NULL OR leased_until < now())
    ORDER BY send_after LIMIT :limit FOR UPDATE SKIP LOCKED""")
"""Locks the due emails, oldest first (a concurrent claim skips them)."""
LEASE = text("UPDATE emails SET leased_until = now() + make_interval(secs => :lease) "
             "WHERE id = :id")
"""Leases one locked email, found by its primary key. Not one ``UPDATE ... WHERE id IN
(the due ones)``: the plan PostgreSQL cached for that while the table was empty read every
email ever sent on each claim (``tests/test_claim_plans.py``)."""


@dataclass(frozen=True)
class Outgoing:
    """An email to queue; ``key`` names its cause, so it is queued once however often the
    cause is handled."""

    key: str
    tenant: str
    to: str
    subject: str
    body: str
    send_after: datetime | None = None  # none: now


_QUEUE = compiled_once(insert(Email).values({c: bindparam(c) for c in (
    "id", "key", "tenant", "to_address", "subject", "body", "status", "attempts",
    "send_after", "created_at")}).on_conflict_do_nothing(index_elements=[Email.key]))


async def queue(session: AsyncSession, *emails: Outgoing) -> None:
    """Emails to send, in one statement, and one wake-up of the mail workers."""
    if not emails:
        return
    now = utcnow()
    await session.execute(_QUEUE, [
        {"id": uuid.uuid4(), "key": e.key, "tenant": e.tenant, "to_address": e.to,
         "subject": e.subject[:300], "body": e.body, "status": "pending", "attempts": 0,
         "send_after": e.send_after or now, "created_at": now} for e in emails])
    await notify(session, WAKE_CHANNEL)


def message(settings: Settings, email: Email) -> EmailMessage:
    composed = EmailMessage()
    composed["From"] = settings.mail_from
    composed["To"] = email.to_address
    composed["Subject"] = email.subject
    composed["Message-ID"] = f"<{email.id}@backbone>"
    composed.set_content(email.body)
    return composed


class MailWorker:
    name = "emails"
    serves_requests = False

    def __init__(self, settings: Settings, sessionmaker: SessionFactory) -> None:
        self.settings = settings
        self.sessionmaker = sessionmaker
        self._due = asyncio.Event()

    async def run(self) -> None:
        async with listening(self.settings, WAKE_CHANNEL, lambda _: self._due.set()):
            while True:
                self._due.clear()
                if not await self.send_due():
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._due.wait(),
                                               self.settings.mail_poll_interval_s)

    async def send_due(self, limit: int = 20) -> int:
        """Sends the emails due now; how many were claimed."""
        async with self.sessionmaker() as session, session.begin():
            ids = list((await session.execute(DUE, {"limit": limit})).scalars())
            if ids:
                await session.execute(LEASE, [{"lease": LEASE_S, "id": id_} for id_ in ids])
        await asyncio.gather(*(self.send(email_id) for email_id in ids))
        return len(ids)

    async def send(self, email_id: uuid.UUID) -> None:
        """Sends one email now and records the outcome (sent, or when to try again)."""
        settings = self.settings
        async with self.sessionmaker() as session:
            email = await session.get(Email, email_id)
        if email is None:
            return
        error: str | None = None
        try:
            await aiosmtplib.send(
                message(settings, email), hostname=settings.smtp_host, port=settings.smtp_port,
                use_tls=settings.smtp_security == "tls",
                start_tls=settings.smtp_security == "starttls",
                username=settings.smtp_username,
                password=settings.smtp_password.get_secret_value()
                if settings.smtp_password else None, timeout=settings.smtp_timeout_s)
        except (aiosmtplib.SMTPException, OSError) as exc:
            error = f"{type(exc).__name__}: {exc}"[:500]
        async with self.sessionmaker() as session, session.begin():
            await self._record(session, email, error)

    async def _record(self, session: AsyncSession, email: Email, error: str | None) -> None:
        attempts = email.attempts + 1
        values: dict[str, object] = {"attempts": attempts, "leased_until": None,
                                     "last_error": error}
        if error is None:
            values |= {"status": "sent", "sent_at": utcnow()}
        elif attempts > len(self.settings.mail_retry_schedule_s):
            values |= {"status": "failed"}
            log.warning("email given up", email=str(email.id), error=error)
        else:
            wait = self.settings.mail_retry_schedule_s[attempts - 1]
            values |= {"send_after": utcnow() + timedelta(seconds=wait)}
        await session.execute(update(Email).where(Email.id == email.id).values(**values))



