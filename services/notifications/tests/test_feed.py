"""The activity feed: every event of an initiative across services, newest first, without
data; what concerns unreviewed data only for backbone staff."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from backbone.contracts.agenda import events as agenda_events
from backbone.events.envelope import CloudEvent
from backbone.events.registry import type_prefix
from backbone.readmodels.agenda.feed import AgendaFeed, new_goal
from backbone.testing import Tenant

MEASUREMENT = type_prefix("measurement")
Measure = Callable[..., Awaitable[CloudEvent]]  # the conftest's ``measurement`` fixture


async def _feed(api: httpx.AsyncClient, initiative: uuid.UUID, headers: dict[str, str],
                **params: Any) -> dict[str, Any]:
    got = await api.get(f"/v1/initiatives/{initiative}/feed", headers=headers, params=params)
    assert got.status_code == 200, got.text
    body: dict[str, Any] = got.json()
    return body


async def test_members_see_the_initiatives_events_newest_first_staff_see_all(
    api: httpx.AsyncClient, agenda: AgendaFeed, measurement: Measure, tenant: Tenant,
) -> None:
    ours, other = await agenda.initiative(tenant.name), await agenda.initiative(tenant.name)
    goal = new_goal(ours)
    await agenda.publish(tenant.name, agenda_events.GOAL_CREATED, goal, ours)
    await agenda.publish(tenant.name, agenda_events.GOAL_CREATED, new_goal(other), other)
    later = datetime.now(UTC) + timedelta(seconds=1)
    indicator = str(uuid.uuid4())
    observed = {"indicator_id": indicator, "indicator_code": "K-READY", "period": "2025"}
    changed = {"indicator_id": indicator, "code": "K-READY", "previous_status": "on_track",
               "status": "off_track"}
    for name, data in [("observation.recorded", observed),
                       ("indicator.status_changed", {**changed, "view": "all"}),
                       ("indicator.status_changed", {**changed, "view": "reviewed"})]:
        await measurement(tenant.name, ours, name, at=later, value=7, **data)
        later += timedelta(seconds=1)

    staff = await _feed(api, ours, tenant.headers(f"initiative:{ours}:backbone"))
    assert [e["type"].rsplit(".", 2)[-2:] for e in staff["items"]] == [
        ["indicator", "status_changed"], ["indicator", "status_changed"],
        ["observation", "recorded"], ["goal", "created"], ["initiative", "created"]]
    assert [e["audience"] for e in staff["items"]] == [
        "members", "staff", "staff", "members", "members"]
    assert all("data" not in e and "value" not in e for e in staff["items"])
    goal_entry = staff["items"][3]
    assert (goal_entry["service"], goal_entry["subject"], goal_entry["actor"]) == (
        "agenda", str(goal.id), "test")

    viewer = await _feed(api, ours, tenant.headers(f"initiative:{ours}:viewer"))
    assert [e["audience"] for e in viewer["items"]] == ["members"] * 3
    assert {e["type"] for e in viewer["items"]} == {
        f"{MEASUREMENT}indicator.status_changed", agenda_events.GOAL_CREATED.type,
        agenda_events.INITIATIVE_CREATED.type}


async def test_filters_and_pages_go_back_in_time(
    api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant,
) -> None:
    ours = await agenda.initiative(tenant.name)
    for _ in range(3):
        await agenda.publish(tenant.name, agenda_events.GOAL_CREATED, new_goal(ours), ours)
    staff = tenant.headers(f"initiative:{ours}:backbone")
    first = await _feed(api, ours, staff, limit=2)
    second = await _feed(api, ours, staff, limit=2, cursor=first["next_cursor"])
    assert second["next_cursor"] is None
    entries = first["items"] + second["items"]
    assert len({e["event_id"] for e in entries}) == 4
    times = [e["occurred_at"] for e in entries]
    assert times == sorted(times, reverse=True)
    goals = await _feed(api, ours, staff, type=agenda_events.GOAL_CREATED.type)
    assert len(goals["items"]) == 3
    assert (await _feed(api, ours, staff, service="measurement"))["items"] == []
    assert len((await _feed(api, ours, staff, actor="test"))["items"]) == 4


async def test_outsiders_get_nothing(
    api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant, other_tenant: Tenant,
) -> None:
    ours = await agenda.initiative(tenant.name)
    elsewhere = tenant.headers(f"initiative:{uuid.uuid4()}:backbone")
    assert (await api.get(f"/v1/initiatives/{ours}/feed", headers=elsewhere)).status_code == 404
    foreign = other_tenant.headers(f"initiative:{ours}:backbone")
    assert (await api.get(f"/v1/initiatives/{ours}/feed", headers=foreign)).status_code == 404
