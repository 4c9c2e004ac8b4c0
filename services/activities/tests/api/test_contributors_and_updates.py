"""Contributors with their roles and resources; progress notes and milestones."""

from __future__ import annotations

import uuid
from typing import Any

import httpx


async def test_contributors_bring_money_hours_and_things(
    api: httpx.AsyncClient, world: Any, events: Any,
) -> None:
    activity = (await api.post(f"{world.base}/activities", headers=world.partner,
                               json=world.activity())).json()
    url = f"/v1/activities/{activity['id']}/contributors"
    funding = await api.post(url, headers=world.staff, json={
        "organization_id": str(world.funder), "role": "funding",
        "money": {"amount": "25000.50", "currency": "USD"}, "description": "Year one"})
    assert funding.status_code == 201, funding.text
    assert funding.json()["money"] == {"amount": "25000.50", "currency": "USD"}
    hours = await api.post(url, headers=world.partner, json={
        "organization_id": str(world.org), "role": "implementing", "staff_hours": 320,
        "in_kind": "Reading rooms"})
    assert hours.status_code == 201
    again = await api.post(url, headers=world.partner, json={
        "organization_id": str(world.org), "role": "implementing"})
    assert (again.status_code, again.json()["type"]) == (
        409, "urn:backbone:problem:duplicate-role")
    bad_money = await api.post(url, headers=world.staff, json={
        "organization_id": str(world.funder), "role": "extending",
        "money": {"amount": "-3", "currency": "usd"}})
    assert bad_money.status_code == 422
    unknown = await api.post(url, headers=world.staff, json={
        "organization_id": str(uuid.uuid4()), "role": "funding"})
    assert unknown.json()["errors"][0]["loc"] == ["body", "organization_id"]

    contributor = f"/v1/contributors/{funding.json()['id']}"
    read = await api.get(contributor, headers=world.viewer)
    assert (read.json()["money"], read.headers["ETag"]) == (
        {"amount": "25000.50", "currency": "USD"}, '"1"')
    changed = await api.patch(contributor, headers=world.staff, json={"money": None})
    assert changed.json()["money"] is None
    listed = await api.get(url, headers=world.viewer)
    assert {c["role"] for c in listed.json()["items"]} == {"funding", "implementing"}
    assert [t for t, _ in await events(funding.json()["id"])] == [
        "contributor.added", "contributor.updated"]


async def test_updates_note_progress_and_milestones(
    api: httpx.AsyncClient, world: Any, events: Any,
) -> None:
    activity = (await api.post(f"{world.base}/activities", headers=world.partner,
                               json=world.activity())).json()
    url = f"/v1/activities/{activity['id']}/updates"
    milestone = await api.post(url, headers=world.partner, json={
        "kind": "milestone", "reported_on": "2026-01-10", "milestone": "Tutors trained",
        "planned_on": "2026-02-01"})
    assert milestone.status_code == 201, milestone.text
    assert milestone.json()["author"] == "tester"
    note = await api.post(url, headers=world.partner, json={
        "reported_on": "2026-03-01", "text": "First term done.",
        "outputs": [{"name": "children tutored", "value": 112, "unit": "children"}]})
    assert note.json()["outputs"] == [{"name": "children tutored", "value": 112.0,
                                       "unit": "children"}]
    reached = await api.patch(f"/v1/activity-updates/{milestone.json()['id']}",
                              headers=world.partner, json={"achieved_on": "2026-01-28"})
    assert reached.json()["achieved_on"] == "2026-01-28"
    for bad, field in (({"kind": "milestone", "reported_on": "2026-01-01"}, "milestone"),
                       ({"kind": "milestone", "reported_on": "2026-01-01",
                         "milestone": "Launch"}, "planned_on"),
                       ({"reported_on": "2026-01-01"}, "text")):
        refused = await api.post(url, headers=world.partner, json=bad)
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["loc"] == ["body", field]
    assert (await api.post(url, headers=world.other_partner,
                           json={"reported_on": "2026-01-01", "text": "Not mine"})
            ).status_code == 403
    listed = await api.get(url, headers=world.viewer)
    assert len(listed.json()["items"]) == 2
    assert [t for t, _ in await events(milestone.json()["id"])] == [
        "activity_update.posted", "activity_update.revised"]
