"""Every event says who caused it: the caller of the write, or the service itself."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import sqlalchemy as sa
from fastapi import FastAPI

from backbone.testing import every_tenant


async def _actors(app: FastAPI, subject: str) -> list[tuple[str, str, str | None]]:
    async with every_tenant(app)() as session:
        rows = await session.execute(sa.text(
            "SELECT type, actor, actor_org FROM outbox WHERE subject = :s ORDER BY seq"),
            {"s": subject})
        return [tuple(r) for r in rows]


async def test_events_carry_the_caller_or_the_service(
    api: httpx.AsyncClient, measurement_app: FastAPI, setup: Any, agenda: Any
) -> None:
    org = uuid.uuid4()
    url = f"/v1/indicators/{setup.indicator['id']}/observations"
    made = await api.post(url, headers=setup.partner(org),
                          json={"period": "2025", "numerator": 1, "denominator": 2})
    assert made.status_code == 201, made.text
    batch = await api.post(f"/v1/initiatives/{setup.initiative_id}/observations/batch",
                           headers=setup.partner(org), json={"rows": [
                               {"indicator": "ready", "period": "2024", "numerator": 1,
                                "denominator": 3}]})
    assert batch.status_code == 200, batch.text
    for observation_id in (made.json()["id"], batch.json()["results"][0]["observation_id"]):
        assert await _actors(measurement_app, observation_id) == [
            ("org.backbone.measurement.observation.recorded", "tester", str(org))]
    # The indicator was defined by staff (no organization).
    [(_, actor, actor_org)] = await _actors(measurement_app, setup.indicator["id"])
    assert (actor, actor_org) == ("tester", None)

    # Agenda deletes a goal the indicator tracks: measurement unlinks it on its own.
    goal = await agenda.goal(setup.tenant.name, setup.initiative_id)
    linked = await api.patch(f"/v1/indicators/{setup.indicator['id']}", headers={
        **setup.staff, "If-Match": '"1"'}, json={"goal_ids": [str(goal)]})
    assert linked.status_code == 200, linked.text
    await agenda.goal_deleted(setup.tenant.name, setup.initiative_id, goal)
    *_, unlinked = await _actors(measurement_app, setup.indicator["id"])
    assert unlinked == ("org.backbone.measurement.indicator.updated", "service:measurement",
                        None)
