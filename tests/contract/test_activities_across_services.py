"""Activities beside agenda and measurement, as separate processes talking only through
Kafka: what agenda and measurement announce changes what activities accepts and shows.
Each step waits with the consistency token of the write it depends on, never with sleeps."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from backbone.consistency import HEADER
from backbone.testing import RunningService, collect_events


@contextmanager
def _clients(*servers: RunningService) -> Iterator[list[httpx.Client]]:
    admin = servers[0].tenant.admin
    clients = [server.client(admin) for server in servers]
    try:
        yield clients
    finally:
        for c in clients:
            c.close()


def test_agendas_strategies_become_linkable_and_unknown_references_are_refused(
    agenda_server: RunningService, measurement_server: RunningService,
    activities_server: RunningService, partnership: Any,
) -> None:
    with _clients(agenda_server, activities_server) as (agenda, activities):
        p = partnership(agenda)
        body = {"title": "Tutoring", "lead_organization_id": p["org"], "status": "active"}
        linked = activities.post(f"{p['base']}/activities", headers={HEADER: p["token"]},
                                 json={**body, "strategy_ids": [p["strategy"]]})
        assert linked.status_code == 201, linked.text
        for field in ("strategy_ids", "indicator_ids"):
            refused = activities.post(f"{p['base']}/activities",
                                      json={**body, field: [str(uuid.uuid4())]})
            assert refused.status_code == 422
            assert refused.json()["errors"][0]["loc"] == ["body", field]


def test_an_indicator_off_track_in_measurement_is_a_gap_in_activities(
    agenda_server: RunningService, measurement_server: RunningService,
    activities_server: RunningService, partnership: Any,
) -> None:
    with _clients(agenda_server, measurement_server, activities_server) as (
            agenda, measurement, activities):
        p = partnership(agenda)
        indicator = measurement.post(f"{p['base']}/indicators", headers={HEADER: p["token"]},
                                     json={"code": "tutored", "name": "Children tutored",
                                           "unit": "count", "direction": "increase",
                                           "frequency": "annual", "status": "active",
                                           "baseline_period": "2024"}).json()
        url = f"/v1/indicators/{indicator['id']}"
        measurement.put(f"{url}/targets", json={"targets": [{"period": "2030",
                                                             "value": 1000}]})
        for period in ("2024", "2025"):  # flat at 100: far below the trajectory to 1,000
            made = measurement.post(f"{url}/observations",
                                    json={"period": period, "value": 100}).json()
            review = measurement.post(f"/v1/observations/{made['id']}/review",
                                      json={"decision": "approve"})
        assert measurement.get(url).json()["progress_status"] == "off_track"
        activities.post(f"{p['base']}/activities", json={  # serves the strategy, not this
            "title": "Tutoring", "lead_organization_id": p["org"], "status": "active",
            "strategy_ids": [p["strategy"]]})
        gaps = activities.get(f"{p['base']}/gaps", headers={HEADER: review.headers[HEADER]})
        assert [(g["kind"], g["indicator_id"]) for g in gaps.json()["gaps"]] == [
            ("indicator_off_track_without_activity", indicator["id"])]


def test_a_goal_deleted_in_agenda_is_unlinked_and_announced(
    agenda_server: RunningService, activities_server: RunningService, partnership: Any,
) -> None:
    with _clients(agenda_server, activities_server) as (agenda, activities):
        p = partnership(agenda)
        activity = activities.post(f"{p['base']}/activities", headers={HEADER: p["token"]},
                                   json={"title": "Tutoring", "lead_organization_id": p["org"],
                                         "goal_ids": [p["goal"]],
                                         "strategy_ids": [p["strategy"]]}).json()
        deleted = agenda.delete(f"/v1/goals/{p['goal']}")
        assert deleted.status_code == 204
        after = activities.get(f"/v1/activities/{activity['id']}",
                               headers={HEADER: deleted.headers[HEADER]}).json()
        # Agenda removes the goal's strategy, then the goal: two changes here.
        assert (after["goal_ids"], after["strategy_ids"], after["version"]) == ([], [], 3)

    def announced(events: list[Any]) -> bool:
        return any(e.subject == activity["id"] and e.type.endswith("activity.updated")
                   and e.data["version"] == 3 for e in events)

    topic = activities_server.tenant.settings.kafka_bootstrap_servers
    found = asyncio.run(collect_events(topic, "backbone.activities.v1", until=announced,
                                       timeout_s=60))
    updates = [e for e in found if e.subject == activity["id"]
               and e.type.endswith("activity.updated")]
    assert [(e.data["strategy_ids"], e.data["goal_ids"], e.actor) for e in updates] == [
        ([], [p["goal"]], "service:activities"), ([], [], "service:activities")]
