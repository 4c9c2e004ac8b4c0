"""Activities through the API: what they hold, who may write them, and their events."""

from __future__ import annotations

import uuid
from typing import Any

import httpx


async def test_a_partner_records_and_changes_the_activities_it_leads(
    api: httpx.AsyncClient, events: Any, world: Any,
) -> None:
    body = world.activity(
        description="Volunteers read with second and third graders twice a week.",
        start_date="2025-09-01", end_date="2026-06-30", goal_ids=[str(world.goal_id)],
        indicator_ids=[str(world.indicator_id)], geographies=["n1", "n2"],
        populations=[{"dimension": "race", "option": "latino"}], sector_tags=["education"],
        external_ids={"grants": "G-2025-014"})
    created = await api.post(f"{world.base}/activities", headers=world.partner, json=body)
    assert created.status_code == 201, created.text
    activity = created.json()
    assert (activity["lead_organization_id"], activity["geographies"], activity["populations"],
            activity["status"], activity["version"]) == (
        str(world.org), ["n1", "n2"], [{"dimension": "race", "option": "latino"}], "active", 1)
    assert created.headers["ETag"] == '"1"'

    url = f"/v1/activities/{activity['id']}"
    paused = await api.patch(url, headers={**world.partner, "If-Match": '"1"'},
                             json={"status": "paused", "title": "Reading buddies"})
    assert (paused.status_code, paused.json()["version"]) == (200, 2), paused.text
    stale = await api.patch(url, headers={**world.partner, "If-Match": '"1"'},
                            json={"title": "Again"})
    assert stale.status_code == 412
    assert (await api.patch(url, headers=world.partner, json={"description": "Weekly."})
            ).status_code == 200

    events = await events(activity["id"])
    assert [t for t, _ in events] == ["activity.created", "activity.status_changed",
                                      "activity.updated"]
    status_change = events[1][1]
    assert (status_change["previous_status"], status_change["status"],
            status_change["title"]) == ("active", "paused", "Reading buddies")

    listed = await api.get(f"{world.base}/activities", headers=world.viewer,
                           params={"external_id": "grants:G-2025-014"})
    assert [a["id"] for a in listed.json()["items"]] == [activity["id"]]
    for params in ({"geography": "n1"}, {"strategy_id": str(world.strategy_id)},
                   {"indicator_id": str(world.indicator_id)}, {"status": "paused"},
                   {"lead_organization_id": str(world.org)}):
        found = await api.get(f"{world.base}/activities", headers=world.viewer, params=params)
        assert [a["id"] for a in found.json()["items"]] == [activity["id"]], params
    for params in ({"geography": "s1"}, {"status": "active"},
                   {"external_id": "grants:G-1"}):
        found = await api.get(f"{world.base}/activities", headers=world.viewer, params=params)
        assert found.json()["items"] == [], params


async def test_partners_write_only_their_own_organizations_activities(
    api: httpx.AsyncClient, world: Any,
) -> None:
    theirs = await api.post(f"{world.base}/activities", headers=world.partner,
                            json=world.activity(lead_organization_id=str(world.other_org)))
    assert theirs.status_code == 403
    mine = (await api.post(f"{world.base}/activities", headers=world.partner,
                           json=world.activity())).json()
    url = f"/v1/activities/{mine['id']}"
    assert (await api.patch(url, headers=world.other_partner, json={"title": "Mine now"})
            ).status_code == 403
    assert (await api.delete(url, headers=world.other_partner)).status_code == 403
    handed = await api.patch(url, headers=world.partner,
                             json={"lead_organization_id": str(world.other_org)})
    assert handed.status_code == 403  # only backbone staff hand an activity over
    assert (await api.patch(url, headers=world.staff,
                            json={"lead_organization_id": str(world.other_org)})
            ).json()["lead_organization_id"] == str(world.other_org)
    assert (await api.post(f"{world.base}/activities", headers=world.viewer,
                           json=world.activity())).status_code == 403
    assert (await api.get(url, headers=world.viewer)).status_code == 200


async def test_deleting_an_activity_announces_what_goes_with_it(
    api: httpx.AsyncClient, events: Any, world: Any,
) -> None:
    first = (await api.post(f"{world.base}/activities", headers=world.staff,
                            json=world.activity())).json()
    second = (await api.post(f"{world.base}/activities", headers=world.staff,
                             json=world.activity(title="Summer learning"))).json()
    contributor = (await api.post(f"/v1/activities/{first['id']}/contributors",
                                  headers=world.staff,
                                  json={"organization_id": str(world.funder),
                                        "role": "funding"})).json()
    link = (await api.post(f"/v1/activities/{second['id']}/links", headers=world.staff,
                           json={"to_activity_id": first["id"], "kind": "reinforces"})).json()
    update = (await api.post(f"/v1/activities/{first['id']}/updates", headers=world.staff,
                             json={"reported_on": "2026-01-15", "text": "Started."})).json()
    commitment = (await api.post(f"{world.base}/commitments", headers=world.staff, json={
        "organization_id": str(world.org), "text": "Recruit 20 tutors",
        "activity_id": first["id"]})).json()

    assert (await api.delete(f"/v1/activities/{first['id']}", headers=world.staff)
            ).status_code == 204
    assert (await api.get(f"/v1/activities/{first['id']}", headers=world.staff)
            ).status_code == 404
    for subject, expected in ((first["id"], "activity.deleted"),
                              (contributor["id"], "contributor.removed"),
                              (link["id"], "activity_link.removed"),
                              (update["id"], "activity_update.deleted"),
                              (commitment["id"], "commitment.updated")):
        assert (await events(subject))[-1][0] == expected
    kept = (await api.get(f"/v1/commitments/{commitment['id']}", headers=world.staff)).json()
    assert (kept["activity_id"], kept["version"]) == (None, 2)
    assert (await api.get(f"/v1/activity-links/{link['id']}", headers=world.staff)
            ).status_code == 404


async def test_an_unknown_initiative_says_how_to_wait_for_it(
    api: httpx.AsyncClient, world: Any,
) -> None:
    unknown = await api.get(f"/v1/initiatives/{uuid.uuid4()}/activities",
                            headers=world.tenant.admin)
    assert unknown.status_code == 404
    assert "Backbone-Consistency-Token" in unknown.json()["detail"]
