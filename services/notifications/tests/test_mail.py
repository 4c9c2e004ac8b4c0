"""Email: held through quiet hours, grouped into digests (never an empty one), and sent to
a webhook endpoint's contact when it is disabled; read back from a real SMTP server."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import select, update

from backbone.devstack.ports import free_port
from backbone.readmodels.agenda.feed import AgendaFeed
from backbone.testing import Tenant, every_tenant, wait_until
from notifications.models import Email, Notification, Recipient
from notifications.receiver import MakeReceiver, Reply
from notifications.service import digests, mail
from notifications.service.mail import MailWorker

EMAIL_TOO = {"inbox": True, "email": True}


async def _recipient(api: httpx.AsyncClient, tenant: Tenant, sub: str, initiative: uuid.UUID,
                     **preferences: Any) -> tuple[dict[str, str], str]:
    """A viewer of the initiative with an email address and these preferences."""
    address = f"{sub}.{tenant.name}@example.org"
    upserted = await api.put("/v1/recipients", headers=tenant.admin, json={
        "recipients": [{"subject": sub, "email": address}]})
    assert upserted.status_code == 200, upserted.text
    headers = {"Authorization": "Bearer " + tenant.token(f"initiative:{initiative}:viewer",
                                                         sub=sub)}
    put = await api.put("/v1/me/preferences", headers=headers, json=preferences)
    assert put.status_code == 200, put.text
    return headers, address


async def _emails(app: FastAPI, address: str) -> list[Email]:
    async with every_tenant(app)() as session:
        return list((await session.execute(select(Email).where(
            Email.to_address == address))).scalars())


async def _a_day_passes(app: FastAPI, tenant: Tenant, days: int = 1) -> None:
    """As if the tenant's recipients' digest periods began ``days`` earlier (and what they
    were told, too)."""
    back = timedelta(days=days)
    async with every_tenant(app)() as session, session.begin():
        await session.execute(update(Recipient).where(Recipient.tenant == tenant.name)
                              .values(digest_since=Recipient.digest_since - back))
        await session.execute(update(Notification).where(Notification.tenant == tenant.name)
                              .values(created_at=Notification.created_at - back))


async def test_quiet_hours_hold_an_email_until_they_end(
    api: httpx.AsyncClient, notifications_app: FastAPI, agenda: AgendaFeed, tenant: Tenant,
    mailbox: Any,
) -> None:
    initiative = await agenda.initiative(tenant.name)
    now = datetime.now(UTC)
    quiet = {"start": (now - timedelta(hours=1)).strftime("%H:%M"),
             "end": (now + timedelta(hours=1)).strftime("%H:%M"), "timezone": "UTC"}
    _, sleeper = await _recipient(api, tenant, "sleeper", initiative, agenda=EMAIL_TOO,
                                  quiet_hours=quiet)
    _, awake = await _recipient(api, tenant, "awake", initiative, agenda=EMAIL_TOO)
    await agenda.decision(tenant.name, initiative, "Adopt the attendance measure")
    [sent] = await mailbox.wait_for(awake)
    assert sent["Subject"] == "Decision recorded: Adopt the attendance measure"
    [held] = await _emails(notifications_app, sleeper)
    assert held.status == "pending"
    assert held.send_after > now + timedelta(minutes=30)
    assert mailbox.to(sleeper) == []


async def test_a_digest_groups_what_happened_and_an_empty_one_is_not_sent(
    api: httpx.AsyncClient, notifications_app: FastAPI, agenda: AgendaFeed, tenant: Tenant,
    mailbox: Any,
) -> None:
    initiative = await agenda.initiative(tenant.name)
    _, daily = await _recipient(api, tenant, "daily", initiative, agenda=EMAIL_TOO,
                                digest="daily")
    _, idle = await _recipient(api, tenant, "idle", initiative, digest="weekly")
    for title in ("First decision", "Second decision"):
        await agenda.decision(tenant.name, initiative, title)
    assert await _emails(notifications_app, daily) == []  # not one by one
    await _a_day_passes(notifications_app, tenant)
    async with every_tenant(notifications_app)() as session, session.begin():
        assert await digests.send_due(session, datetime.now(UTC)) == 1  # only `daily`'s
    [digest] = await mailbox.wait_for(daily)
    assert digest["Subject"] == "Your daily Backbone digest: 2 updates"
    text = digest.get_content()
    assert "Decision recorded: First decision" in text
    assert "Decision recorded: Second decision" in text
    await _a_day_passes(notifications_app, tenant, days=8)
    async with every_tenant(notifications_app)() as session, session.begin():
        assert await digests.send_due(session, datetime.now(UTC)) == 2
    assert len(await _emails(notifications_app, daily)) == 1  # nothing new: no digest
    assert await _emails(notifications_app, idle) == []


async def test_a_disabled_endpoint_emails_its_contact_and_tells_its_managers(
    api: httpx.AsyncClient, tenant: Tenant, agenda: AgendaFeed, receiver: MakeReceiver,
    mailbox: Any,
) -> None:
    gone = await receiver(Reply(410))
    contact = f"ops.{tenant.name}@example.org"
    created = await api.post("/v1/webhook-endpoints", headers=tenant.admin, json={
        "url": gone.url, "event_types": ["org.backbone.agenda.*"], "contact_email": contact})
    assert created.status_code == 201, created.text
    admin = {"Authorization": "Bearer " + tenant.token("network:admin", sub="admin")}
    assert (await api.put("/v1/me/preferences", headers=admin, json={})).status_code == 200
    await agenda.initiative(tenant.name)
    # endpoint.disabled goes through the outbox, the relay and the broker to the service's
    # own consumer before the rule emails: as long as that may take under CPU load.
    [told] = await mailbox.wait_for(contact, timeout_s=90)
    assert told["Subject"] == "A webhook endpoint was disabled"
    assert "410" in told.get_content()

    async def in_inbox() -> bool:
        got = await api.get("/v1/me/notifications", headers=admin)
        return [n["category"] for n in got.json()["items"]] == ["webhooks"]

    await wait_until(in_inbox, 90)


async def test_an_email_the_server_refuses_is_tried_again_then_sent(
    notifications_app: FastAPI, tenant: Tenant, mailbox: Any,
) -> None:
    settings = notifications_app.state.settings
    address = f"retry.{tenant.name}@example.org"
    later = datetime.now(UTC) + timedelta(hours=1)  # not due: the app's own worker leaves it
    async with every_tenant(notifications_app)() as session, session.begin():
        await mail.queue(session, mail.Outgoing(
            key=f"test:{tenant.name}", tenant=tenant.name, to=address, subject="Held",
            body="Sent on the second try.", send_after=later))
    [email] = await _emails(notifications_app, address)
    down = MailWorker(settings.model_copy(update={"smtp_port": free_port()}),
                      every_tenant(notifications_app))
    await down.send(email.id)  # nothing listens there
    [failed] = await _emails(notifications_app, address)
    assert (failed.status, failed.attempts) == ("pending", 1)
    assert failed.last_error
    assert failed.send_after > datetime.now(UTC) + timedelta(seconds=30)  # the schedule's wait
    up = MailWorker(settings, every_tenant(notifications_app))
    await up.send(email.id)
    [message] = await mailbox.wait_for(address)
    assert message["Subject"] == "Held"
    [sent] = await _emails(notifications_app, address)
    assert (sent.status, sent.attempts, sent.last_error) == ("sent", 2, None)
