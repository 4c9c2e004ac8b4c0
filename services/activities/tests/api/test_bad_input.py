"""Bad input gets a problem naming the field and why, and nothing is stored."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import httpx
import pytest

from backbone.contracts.agenda import events
from backbone.contracts.agenda.entities import ParticipantKind, ParticipantRole
from backbone.readmodels.agenda.feed import AgendaFeed
from backbone.readmodels.feeds import new_entity


async def _count(api: httpx.AsyncClient, world: Any) -> int:
    listed = await api.get(f"{world.base}/activities", headers=world.staff)
    return len(listed.json()["items"])


@pytest.mark.parametrize(("fields", "field", "kind"), [
    ({"start_date": "2026-02-01", "end_date": "2026-01-31"}, "end_date", "invalid-dates"),
    ({"status": "completed"}, "end_date", "invalid-dates"),
    ({"geographies": ["atlantis"]}, "geographies", "unknown-reference"),
    ({"strategy_ids": [str(uuid.uuid4())]}, "strategy_ids", "unknown-reference"),
    ({"goal_ids": [str(uuid.uuid4())]}, "goal_ids", "unknown-reference"),
    ({"indicator_ids": [str(uuid.uuid4())]}, "indicator_ids", "unknown-reference"),
    ({"populations": [{"dimension": "race", "option": "martian"}]}, "populations",
     "unknown-reference"),
    ({"populations": [{"dimension": "grade", "option": "3"}]}, "populations",
     "unknown-reference"),
    ({"populations": [{"dimension": "race", "option": "other"}]}, "populations",
     "unknown-reference"),  # a retired option
    ({"lead_organization_id": None}, "lead_organization_id", "validation-failed"),
    ({"start_date": "01/02/2026"}, "start_date", "validation-failed"),
    ({"status": "finished"}, "status", "validation-failed"),
    ({"colour": "green"}, "colour", "validation-failed"),
])
async def test_a_bad_activity_is_refused_naming_the_field(
    api: httpx.AsyncClient, world: Any, fields: dict[str, Any], field: str, kind: str,
) -> None:
    refused = await api.post(f"{world.base}/activities", headers=world.staff,
                             json=world.activity(**fields))
    assert refused.status_code == 422, refused.text
    problem = refused.json()
    assert refused.headers["content-type"] == "application/problem+json"
    assert problem["type"] == f"urn:backbone:problem:{kind}"
    assert field in problem["errors"][0]["loc"]
    assert await _count(api, world) == 0


async def test_a_change_is_checked_with_the_stored_values(
    api: httpx.AsyncClient, world: Any,
) -> None:
    made = (await api.post(f"{world.base}/activities", headers=world.staff,
                           json=world.activity(start_date="2026-03-01"))).json()
    url = f"/v1/activities/{made['id']}"
    before = await api.patch(url, headers=world.staff, json={"end_date": "2026-02-01"})
    assert before.status_code == 422
    assert before.json()["errors"][0]["loc"] == ["body", "end_date"]
    done = await api.patch(url, headers=world.staff, json={"status": "completed"})
    assert done.status_code == 422
    assert (await api.get(url, headers=world.staff)).json()["version"] == 1
    lead = await api.patch(url, headers=world.staff,
                           json={"lead_organization_id": str(world.funder)})
    assert lead.status_code == 422  # a funder of the network, but not a participant


async def test_links_are_refused_to_itself_and_outside_the_initiative(
    api: httpx.AsyncClient, world: Any, make_world: Any, other_tenant: Any,
) -> None:
    made = (await api.post(f"{world.base}/activities", headers=world.staff,
                           json=world.activity())).json()
    links = f"/v1/activities/{made['id']}/links"
    itself = await api.post(links, headers=world.staff,
                            json={"to_activity_id": made["id"], "kind": "reinforces"})
    assert (itself.status_code, itself.json()["type"]) == (
        422, "urn:backbone:problem:self-link")
    elsewhere = await make_world()  # another initiative of the same tenant
    theirs = (await api.post(f"{elsewhere.base}/activities", headers=elsewhere.staff,
                             json=elsewhere.activity())).json()
    foreign = await make_world(other_tenant)
    far = (await api.post(f"{foreign.base}/activities", headers=foreign.staff,
                          json=foreign.activity())).json()
    for other in (theirs, far, {"id": str(uuid.uuid4())}):
        refused = await api.post(links, headers=world.staff,
                                 json={"to_activity_id": other["id"], "kind": "reinforces"})
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["loc"] == ["body", "to_activity_id"]
    assert (await api.get(links, headers=world.staff)).json()["items"] == []


async def test_a_cycle_of_dependencies_is_allowed_and_reported(
    api: httpx.AsyncClient, world: Any,
) -> None:
    ids = [(await api.post(f"{world.base}/activities", headers=world.staff,
                           json=world.activity(title=f"Step {n}"))).json()["id"]
           for n in range(3)]
    for a, b in ((0, 1), (1, 2)):
        linked = await api.post(f"/v1/activities/{ids[a]}/links", headers=world.staff,
                                json={"to_activity_id": ids[b], "kind": "depends_on"})
        assert linked.json()["depends_on_cycle"] is None
    closing = await api.post(f"/v1/activities/{ids[2]}/links", headers=world.staff,
                             json={"to_activity_id": ids[0], "kind": "depends_on"})
    assert closing.status_code == 201
    assert closing.json()["depends_on_cycle"] == [ids[2], ids[0], ids[1]]
    again = await api.post(f"/v1/activities/{ids[2]}/links", headers=world.staff,
                           json={"to_activity_id": ids[0], "kind": "depends_on"})
    assert (again.status_code, again.json()["type"]) == (
        409, "urn:backbone:problem:duplicate-link")
    graph = (await api.get(f"{world.base}/map", headers=world.viewer)).json()
    start = ids.index(min(ids))  # the map starts each cycle at its smallest id
    assert graph["depends_on_cycles"] == [ids[start:] + ids[:start]]


async def test_geographies_keep_their_tree(api: httpx.AsyncClient, world: Any) -> None:
    base = f"{world.base}/geographies"
    duplicate = await api.post(base, headers=world.staff, json={"code": "n1", "name": "Again"})
    assert (duplicate.status_code, duplicate.json()["type"]) == (
        409, "urn:backbone:problem:duplicate-code")
    orphan = await api.post(base, headers=world.staff,
                            json={"code": "x", "name": "X", "parent": "nowhere"})
    assert orphan.status_code == 422
    places = {g["code"]: g for g in (await api.get(base, headers=world.staff)).json()["items"]}
    loop = await api.patch(f"/v1/geographies/{places['north']['id']}", headers=world.staff,
                           json={"parent": "n1"})
    assert (loop.status_code, loop.json()["type"]) == (
        422, "urn:backbone:problem:geography-loop")
    moved = await api.patch(f"/v1/geographies/{places['n2']['id']}", headers=world.staff,
                            json={"parent": "south", "name": "North Two"})
    assert (moved.json()["parent"], moved.json()["code"]) == ("south", "n2")
    recoded = await api.patch(f"/v1/geographies/{places['n2']['id']}", headers=world.staff,
                              json={"code": "n3"})
    assert recoded.status_code == 422  # codes never change
    assert (await api.post(base, headers=world.partner, json={"code": "y", "name": "Y"})
            ).status_code == 403


async def test_an_organization_that_left_the_initiative_leads_nothing_new(
    api: httpx.AsyncClient, agenda: AgendaFeed, world: Any,
) -> None:
    """A participation with a past ``left_on``, as agenda announces it when it ends."""
    gone = uuid.uuid4()
    await agenda.organization(world.tenant.name, gone, "Former partner")
    state = events.ParticipantState(
        **new_entity(), initiative_id=world.initiative_id, kind=ParticipantKind.ORGANIZATION,
        organization_id=gone, display_name="Former partner", roles=[ParticipantRole.PARTNER],
        joined_on=date(2024, 9, 1), left_on=date(2025, 6, 30), commitment_statement="")
    await agenda.publish(world.tenant.name, events.PARTICIPANT_UPDATED, state,
                         world.initiative_id)
    refused = await api.post(f"{world.base}/activities", headers=world.staff,
                             json=world.activity(lead_organization_id=str(gone)))
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["loc"] == ["body", "lead_organization_id"]
