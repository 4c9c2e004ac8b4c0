"""Announcements from backbone staff to an audience, through the real broker (the service
consumes its own announcement.published), to inboxes and by email (read back from a real
SMTP server)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from backbone.contracts.agenda.entities import ParticipantRole
from backbone.readmodels.agenda.feed import AgendaFeed
from backbone.testing import Tenant, wait_until

BROKER_S = 90  # how long an event may take through the broker under CPU load


def _as(tenant: Tenant, sub: str, *grants: str, org: uuid.UUID | None = None
        ) -> dict[str, str]:
    return {"Authorization": f"Bearer {tenant.token(*grants, org=org, sub=sub)}"}


async def _titles(api: httpx.AsyncClient, headers: dict[str, str]) -> list[str]:
    got = await api.get("/v1/me/notifications", headers=headers)
    assert got.status_code == 200, got.text
    return [n["title"] for n in got.json()["items"]]


async def test_an_announcement_reaches_its_audience_in_the_inbox_and_by_email(
    api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant, mailbox: Any,
) -> None:
    initiative = await agenda.initiative(tenant.name)
    early, late, funder = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    members = [await agenda.participant(tenant.name, initiative, early)]
    await agenda.participant(tenant.name, initiative, late)
    await agenda.participant(tenant.name, initiative, funder, ParticipantRole.FUNDER)
    group = await agenda.working_group(tenant.name, initiative, members)
    people = {"in-group": early, "not-in-group": late, "funder": funder}
    for org in people.values():
        await agenda.organization(tenant.name, org)
    emails = {sub: f"{sub}.{tenant.name}@example.org" for sub in people}
    upserted = await api.put("/v1/recipients", headers=tenant.admin, json={"recipients": [
        {"subject": sub, "email": emails[sub], "organization_id": str(org)}
        for sub, org in people.items()]})
    assert upserted.status_code == 200, upserted.text
    staff = tenant.headers(f"initiative:{initiative}:backbone")
    path = f"/v1/initiatives/{initiative}/announcements"
    made = await api.post(path, headers=staff, json={
        "title": "Working group meets Thursday", "body": "Room 4, 10:00.",
        "audience": {"kind": "working_group", "working_group_id": str(group)}})
    assert made.status_code == 201, made.text
    to_funders = await api.post(path, headers=staff, json={
        "title": "Funders' briefing", "body": "Slides attached in the portal.",
        "audience": {"kind": "role", "role": "funder"}})
    assert to_funders.status_code == 201, to_funders.text

    # Through the outbox, the relay and the broker to the service's own consumer.
    [message] = await mailbox.wait_for(emails["in-group"], timeout_s=BROKER_S)
    assert message["Subject"] == "Working group meets Thursday"
    assert "Room 4, 10:00." in message.get_content()
    in_group = _as(tenant, "in-group", org=early)
    assert await _titles(api, in_group) == ["Working group meets Thursday"]
    [briefing] = await mailbox.wait_for(emails["funder"], timeout_s=BROKER_S)
    assert briefing["Subject"] == "Funders' briefing"
    assert await _titles(api, _as(tenant, "funder", org=funder)) == ["Funders' briefing"]
    assert await _titles(api, _as(tenant, "not-in-group", org=late)) == []
    assert mailbox.to(emails["not-in-group"]) == []
    listed = await api.get(path, headers=staff)
    assert [a["title"] for a in listed.json()["items"]] == [
        "Working group meets Thursday", "Funders' briefing"]


async def test_everyone_and_chosen_organizations(
    api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant,
) -> None:
    initiative = await agenda.initiative(tenant.name)
    chosen, other = uuid.uuid4(), uuid.uuid4()
    for org in (chosen, other):
        await agenda.participant(tenant.name, initiative, org)
    viewers = {org: _as(tenant, str(org), f"initiative:{initiative}:viewer", org=org)
               for org in (chosen, other)}
    for headers in viewers.values():
        assert (await api.put("/v1/me/preferences", headers=headers, json={})
                ).status_code == 200
    staff = tenant.headers(f"initiative:{initiative}:backbone")
    path = f"/v1/initiatives/{initiative}/announcements"
    for title, audience in [("To all", {"kind": "everyone"}),
                            ("To one", {"kind": "organizations",
                                        "organization_ids": [str(chosen)]})]:
        made = await api.post(path, headers=staff, json={"title": title, "body": "Hello.",
                                                         "audience": audience})
        assert made.status_code == 201, made.text

    async def delivered() -> bool:
        return len(await _titles(api, viewers[chosen])) == 2 and len(
            await _titles(api, viewers[other])) == 1

    await wait_until(delivered, BROKER_S)
    assert sorted(await _titles(api, viewers[chosen])) == ["To all", "To one"]
    assert await _titles(api, viewers[other]) == ["To all"]


async def test_only_staff_announce_to_an_audience_that_exists(
    api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant, other_tenant: Tenant,
) -> None:
    initiative = await agenda.initiative(tenant.name)
    path = f"/v1/initiatives/{initiative}/announcements"
    body = {"title": "Hi", "body": "There.", "audience": {"kind": "everyone"}}
    staff = tenant.headers(f"initiative:{initiative}:backbone")
    cases: list[tuple[dict[str, str], dict[str, Any], int, str | None]] = [
        (tenant.headers(f"initiative:{initiative}:partner"), body, 403, None),
        (other_tenant.headers(f"initiative:{initiative}:backbone"), body, 404, None),
        (staff, {**body, "audience": {"kind": "working_group",
                                      "working_group_id": str(uuid.uuid4())}}, 422,
         "invalid-audience"),
        (staff, {**body, "audience": {"kind": "organizations",
                                      "organization_ids": [str(uuid.uuid4())]}}, 422,
         "invalid-audience"),
        (staff, {**body, "audience": {"kind": "role", "role": "mayor"}}, 422, None),
        (staff, {**body, "title": ""}, 422, None),
        (staff, {**body, "body": "x" * 10_001}, 422, None),
    ]
    for headers, sent, status, kind in cases:
        refused = await api.post(path, headers=headers, json=sent)
        assert refused.status_code == status, (sent, refused.text)
        assert refused.headers["content-type"] == "application/problem+json"
        if kind:
            assert refused.json()["type"] == f"urn:backbone:problem:{kind}"
    assert (await api.get(path, headers=staff)).json()["items"] == []
    viewer = tenant.headers(f"initiative:{initiative}:viewer")
    assert (await api.get(path, headers=viewer)).status_code == 403
