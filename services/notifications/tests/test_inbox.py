"""People: preferences, the rules that reach them, their inbox, and recipients upserted in
bulk; through the ASGI app and the service's consumer."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import select

from backbone.contracts.agenda.entities import ParticipantRole
from backbone.events.envelope import CloudEvent
from backbone.events.outbox import OutboxMessage
from backbone.readmodels.agenda.feed import AgendaFeed
from backbone.testing import Tenant, every_tenant

Measure = Callable[..., Awaitable[CloudEvent]]  # the conftest's ``measurement`` fixture


def _as(tenant: Tenant, sub: str, *grants: str, org: uuid.UUID | None = None
        ) -> dict[str, str]:
    return {"Authorization": f"Bearer {tenant.token(*grants, org=org, sub=sub)}"}


async def _join(api: httpx.AsyncClient, headers: dict[str, str], **preferences: Any) -> None:
    """The caller becomes a recipient by setting their preferences."""
    put = await api.put("/v1/me/preferences", headers=headers, json=preferences)
    assert put.status_code == 200, put.text


async def _inbox(api: httpx.AsyncClient, headers: dict[str, str],
                 **params: Any) -> list[dict[str, Any]]:
    got = await api.get("/v1/me/notifications", headers=headers, params=params)
    assert got.status_code == 200, got.text
    return list(got.json()["items"])


async def _unread(api: httpx.AsyncClient, headers: dict[str, str]) -> int:
    got = await api.get("/v1/me/notifications/unread-count", headers=headers)
    assert got.status_code == 200, got.text
    return int(got.json()["unread"])


async def test_preferences_start_from_defaults_and_are_replaced_whole(
    api: httpx.AsyncClient, tenant: Tenant,
) -> None:
    me = _as(tenant, "ana")
    defaults = (await api.get("/v1/me/preferences", headers=me)).json()
    assert defaults["measurement"] == {"inbox": True, "email": False}
    assert defaults["announcements"] == {"inbox": True, "email": True}
    assert (defaults["digest"], defaults["quiet_hours"]) == ("off", None)
    wanted = {"measurement": {"inbox": True, "email": True}, "digest": "weekly",
              "quiet_hours": {"start": "22:00", "end": "07:00", "timezone": "Europe/Berlin"}}
    put = await api.put("/v1/me/preferences", headers=me, json=wanted)
    assert put.status_code == 200, put.text
    got = (await api.get("/v1/me/preferences", headers=me)).json()
    assert got["measurement"] == {"inbox": True, "email": True}
    assert (got["digest"], got["quiet_hours"]["timezone"]) == ("weekly", "Europe/Berlin")
    assert got["agenda"] == defaults["agenda"]  # not sent: back to the default
    for bad, field in [({"quiet_hours": {"start": "22:00", "end": "07:00",
                                         "timezone": "Mars/Olympus"}}, "timezone"),
                       ({"sms": {"inbox": True}}, "sms"), ({"digest": "hourly"}, "digest")]:
        refused = await api.put("/v1/me/preferences", headers=me, json=bad)
        assert refused.status_code == 422, refused.text
        assert field in str(refused.json()["errors"][0]["loc"])
    assert (await api.get("/v1/me/preferences", headers=me)).json() == got


async def test_a_rejected_observation_reaches_only_the_organization_that_reported_it(
    api: httpx.AsyncClient, notifications_app: FastAPI, agenda: AgendaFeed,
    measurement: Measure, tenant: Tenant, other_tenant: Tenant,
) -> None:
    initiative = await agenda.initiative(tenant.name)
    reporter, neighbour = uuid.uuid4(), uuid.uuid4()
    for org in (reporter, neighbour):
        await agenda.participant(tenant.name, initiative, org)
    partner = f"initiative:{initiative}:partner"
    ana, ben = _as(tenant, "ana", partner, org=reporter), _as(tenant, "ben", partner,
                                                                org=neighbour)
    eve = _as(other_tenant, "ana", partner, org=reporter)  # the same names elsewhere
    for headers in (ana, ben, eve):
        await _join(api, headers)
    event = await measurement(
        tenant.name, initiative, "observation.rejected", id=str(uuid.uuid4()),
        indicator_id=str(uuid.uuid4()), indicator_code="K-READY", period="2025",
        geography="north", organization_id=str(reporter), note="denominator is last year's")
    [note] = await _inbox(api, ana)
    assert (note["category"], note["event_id"], note["read_at"]) == (
        "measurement", str(event.id), None)
    assert "K-READY" in note["title"]
    assert "last year's" in note["body"]
    assert await _inbox(api, ben) == []
    assert await _inbox(api, eve) == []
    assert await _unread(api, ana) == 1
    await agenda.consumer.apply(event)  # delivered again: nothing twice
    assert len(await _inbox(api, ana)) == 1
    await measurement(tenant.name, initiative, "observation.rejected", **event.data)
    assert len(await _inbox(api, ana)) == 2  # a second rejection is a second event
    async with every_tenant(notifications_app)() as session:
        created = (await session.execute(select(OutboxMessage.payload).where(
            OutboxMessage.tenant == tenant.name,
            OutboxMessage.type == "org.backbone.notifications.notification.created"))
        ).scalars().all()
    assert len(created) == 2
    assert all(set(p) == {"id", "recipient", "initiative_id", "category", "event_id",
                          "event_type"} for p in created)


async def test_reading_one_all_and_unread_again(
    api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant,
) -> None:
    initiative = await agenda.initiative(tenant.name)
    ana = _as(tenant, "ana", f"initiative:{initiative}:viewer")
    await _join(api, ana)
    for n in range(3):
        await agenda.decision(tenant.name, initiative, f"Decision {n}")
    items = await _inbox(api, ana)
    assert [i["title"] for i in items] == [f"Decision recorded: Decision {n}"
                                           for n in (2, 1, 0)]  # newest first
    first = await _inbox(api, ana, limit=2)
    assert len(first) == 2
    read = await api.patch(f"/v1/me/notifications/{items[0]['id']}", headers=ana,
                           json={"read": True})
    assert read.status_code == 200
    assert read.json()["read_at"] is not None
    assert [i["id"] for i in await _inbox(api, ana, unread="true")] == [
        items[1]["id"], items[2]["id"]]
    assert [i["id"] for i in await _inbox(api, ana, unread="false")] == [items[0]["id"]]
    marked = await api.post("/v1/me/notifications/read-all", headers=ana)
    assert (marked.status_code, marked.json()) == (200, {"marked": 2})
    assert await _unread(api, ana) == 0
    again = await api.patch(f"/v1/me/notifications/{items[2]['id']}", headers=ana,
                            json={"read": False})
    assert again.json()["read_at"] is None
    assert await _unread(api, ana) == 1
    # Another's notification is not found, whoever asks.
    ben = _as(tenant, "ben", f"initiative:{initiative}:backbone")
    foreign = await api.patch(f"/v1/me/notifications/{items[0]['id']}", headers=ben,
                              json={"read": True})
    assert foreign.status_code == 404
    bad = await api.patch(f"/v1/me/notifications/{items[0]['id']}", headers=ana,
                          json={"read": "maybe"})
    assert bad.status_code == 422


async def test_decisions_reach_the_initiatives_members_by_organization_or_grant(
    api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant,
) -> None:
    initiative, elsewhere = (await agenda.initiative(tenant.name),
                             await agenda.initiative(tenant.name))
    taking_part = uuid.uuid4()
    await agenda.participant(tenant.name, initiative, taking_part)
    by_org = _as(tenant, "org-member", org=taking_part)  # no grant: reached by its org
    by_grant = _as(tenant, "viewer", f"initiative:{initiative}:viewer")
    outsider = _as(tenant, "outsider", f"initiative:{elsewhere}:backbone",
                   org=uuid.uuid4())
    muted = _as(tenant, "muted", f"initiative:{initiative}:partner")
    for headers in (by_org, by_grant, outsider):
        await _join(api, headers)
    await _join(api, muted, agenda={"inbox": False, "email": False})
    await agenda.decision(tenant.name, initiative)
    assert len(await _inbox(api, by_org)) == 1
    assert len(await _inbox(api, by_grant)) == 1
    assert await _inbox(api, outsider) == []
    assert await _inbox(api, muted) == []


async def test_off_track_reaches_staff_in_their_view_and_contributors_in_the_reviewed(
    api: httpx.AsyncClient, agenda: AgendaFeed, measurement: Measure, tenant: Tenant,
) -> None:
    initiative = await agenda.initiative(tenant.name)
    indicator, contributor, bystander, backbone = (uuid.uuid4() for _ in range(4))
    for org in (contributor, bystander):
        await agenda.participant(tenant.name, initiative, org)
    await agenda.participant(tenant.name, initiative, backbone, ParticipantRole.BACKBONE)
    partner = f"initiative:{initiative}:partner"
    staff = _as(tenant, "staff", org=backbone)  # staff by their organization's role
    reporting = _as(tenant, "reporting", partner, org=contributor)
    other = _as(tenant, "other", partner, org=bystander)
    for headers in (staff, reporting, other):
        await _join(api, headers)
    await measurement(tenant.name, initiative, "observation.recorded", id=str(uuid.uuid4()),
                      indicator_id=str(indicator), indicator_code="K-READY", period="2025",
                      organization_id=str(contributor))
    change = {"indicator_id": str(indicator), "code": "K-READY",
              "previous_status": "on_track", "status": "off_track"}
    await measurement(tenant.name, initiative, "indicator.status_changed", view="all",
                      **change)
    assert [n["title"] for n in await _inbox(api, staff)] == ["K-READY is off track"]
    assert await _inbox(api, reporting) == []  # not from the staff's view of all data
    await measurement(tenant.name, initiative, "indicator.status_changed", view="reviewed",
                      **change)
    assert len(await _inbox(api, reporting)) == 1
    assert len(await _inbox(api, staff)) == 1  # heard of it already
    assert await _inbox(api, other) == []  # reports nothing to the indicator
    await measurement(tenant.name, initiative, "indicator.status_changed", view="reviewed",
                      **{**change, "previous_status": "off_track", "status": "on_track"})
    assert len(await _inbox(api, reporting)) == 1  # only going off track is told


async def test_network_admins_upsert_recipients_in_bulk_all_or_none(
    api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant,
) -> None:
    org = uuid.uuid4()
    await agenda.organization(tenant.name, org)
    rows: list[dict[str, Any]] = [{"subject": "crm|1", "name": "Ana", "email": "ana@example.org",
             "organization_id": str(org), "external_ids": {"salesforce": "003A"}},
            {"subject": "crm|2", "email": "ben@example.org"}]
    put = await api.put("/v1/recipients", headers=tenant.admin, json={"recipients": rows})
    assert put.status_code == 200, put.text
    assert [(r["subject"], r["version"]) for r in put.json()["items"]] == [
        ("crm|1", 1), ("crm|2", 1)]
    again = await api.put("/v1/recipients", headers=tenant.admin, json={"recipients": [
        rows[0], {**rows[1], "name": "Ben"}]})
    assert [(r["name"], r["version"]) for r in again.json()["items"]] == [
        ("Ana", 1), ("Ben", 2)]  # unchanged rows keep their version
    bad = await api.put("/v1/recipients", headers=tenant.admin, json={"recipients": [
        {"subject": "crm|3"}, {"subject": "crm|4", "organization_id": str(uuid.uuid4())},
        {"subject": "crm|3"}]})
    assert (bad.status_code, bad.json()["type"]) == (
        422, "urn:backbone:problem:invalid-recipients")
    assert sorted(e["loc"][2] for e in bad.json()["errors"]) == [1, 2]
    partner = await api.put("/v1/recipients", headers=tenant.headers(
        f"initiative:{uuid.uuid4()}:backbone"), json={"recipients": rows})
    assert partner.status_code == 403
    listed = await api.get("/v1/recipients", headers=tenant.admin)
    assert [r["subject"] for r in listed.json()["items"]] == ["crm|1", "crm|2"]


async def test_an_overdue_commitment_reaches_its_organization_and_the_staff(
    api: httpx.AsyncClient, agenda: AgendaFeed, activities: Measure, tenant: Tenant,
) -> None:
    initiative = await agenda.initiative(tenant.name)
    pledger, neighbour = uuid.uuid4(), uuid.uuid4()
    for org in (pledger, neighbour):
        await agenda.participant(tenant.name, initiative, org)
    partner = f"initiative:{initiative}:partner"
    ana, ben = _as(tenant, "ana", partner, org=pledger), _as(tenant, "ben", partner,
                                                               org=neighbour)
    sam = _as(tenant, "sam", f"initiative:{initiative}:backbone")
    for headers in (ana, ben, sam):
        await _join(api, headers)
    await activities(tenant.name, initiative, "commitment.overdue", id=str(uuid.uuid4()),
                     organization_id=str(pledger), text="Recruit twenty tutors",
                     due_date="2026-06-30", status="open")
    for told in (ana, sam):
        [note] = await _inbox(api, told)
        assert (note["category"], note["title"]) == ("activities", "A commitment is overdue")
        assert "'Recruit twenty tutors' was due on 2026-06-30" in note["body"]
    assert await _inbox(api, ben) == []
