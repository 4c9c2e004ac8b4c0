"""What agenda's events change here: strategies become linkable, and a goal or strategy
agenda deletes is unlinked from activities and commitments, each unlink announced."""

from __future__ import annotations

from typing import Any

import httpx

from backbone.readmodels.agenda.feed import AgendaFeed


async def test_a_strategy_agenda_announces_becomes_linkable(
    api: httpx.AsyncClient, agenda: AgendaFeed, world: Any,
) -> None:
    tenant, initiative = world.tenant.name, world.initiative_id
    goal = await agenda.goal(tenant, initiative)
    before = await api.post(f"{world.base}/activities", headers=world.staff,
                            json=world.activity(goal_ids=[str(goal)]))
    assert before.status_code == 201
    strategy = await agenda.strategy(tenant, initiative, goal, "Family navigators")
    linked = await api.patch(f"/v1/activities/{before.json()['id']}", headers=world.staff,
                             json={"strategy_ids": [str(strategy)]})
    assert linked.json()["strategy_ids"] == [str(strategy)]


async def test_a_deleted_goal_is_unlinked_with_its_strategies_and_announced(
    api: httpx.AsyncClient, agenda: AgendaFeed, world: Any, events: Any,
) -> None:
    activity = (await api.post(f"{world.base}/activities", headers=world.staff,
                               json=world.activity(goal_ids=[str(world.goal_id)]))).json()
    commitment = (await api.post(f"{world.base}/commitments", headers=world.staff, json={
        "organization_id": str(world.org), "text": "Tutor space",
        "strategy_id": str(world.strategy_id)})).json()
    await agenda.goal_deleted(world.tenant.name, world.initiative_id, world.goal_id)

    after = (await api.get(f"/v1/activities/{activity['id']}", headers=world.staff)).json()
    assert (after["goal_ids"], after["strategy_ids"], after["version"]) == ([], [], 2)
    kept = (await api.get(f"/v1/commitments/{commitment['id']}", headers=world.staff)).json()
    assert (kept["strategy_id"], kept["version"]) == (None, 2)
    assert [t for t, _ in await events(activity["id"])] == ["activity.created",
                                                            "activity.updated"]
    assert [t for t, _ in await events(commitment["id"])] == ["commitment.made",
                                                              "commitment.updated"]
    gone = await api.post(f"{world.base}/activities", headers=world.staff,
                          json=world.activity())  # its strategy is gone too
    assert gone.json()["errors"][0]["loc"] == ["body", "strategy_ids"]


async def test_a_deleted_strategy_is_unlinked(
    api: httpx.AsyncClient, agenda: AgendaFeed, world: Any,
) -> None:
    activity = (await api.post(f"{world.base}/activities", headers=world.staff,
                               json=world.activity())).json()
    await agenda.strategy_deleted(world.tenant.name, world.initiative_id, world.strategy_id)
    after = (await api.get(f"/v1/activities/{activity['id']}", headers=world.staff)).json()
    assert (after["strategy_ids"], after["version"]) == ([], 2)
