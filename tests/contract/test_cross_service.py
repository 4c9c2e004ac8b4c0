"""Agenda and measurement as separate processes, talking only through Kafka."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import httpx

from backbone.consistency import HEADER
from backbone.testing import RunningService


@contextmanager
def _clients(agenda_server: RunningService, measurement_server: RunningService
             ) -> Iterator[tuple[httpx.Client, httpx.Client]]:
    """Agenda and measurement as the shared tenant's network admin."""
    admin = agenda_server.tenant.admin
    with agenda_server.client(admin) as agenda, \
            measurement_server.client(admin) as measurement:
        yield agenda, measurement


def _eventually(check: Callable[[], httpx.Response], timeout_s: float = 30.0
                ) -> httpx.Response:
    deadline = time.monotonic() + timeout_s
    while True:
        response = check()
        if response.status_code < 400 or time.monotonic() > deadline:
            return response
        time.sleep(0.2)


def test_a_goal_created_in_agenda_becomes_linkable_in_measurement(
    agenda_server: RunningService, measurement_server: RunningService,
) -> None:
    with _clients(agenda_server, measurement_server) as (agenda, measurement):
        initiative = agenda.post("/v1/initiatives", json={"name": "Linked"}).json()
        goal = agenda.post(f"/v1/initiatives/{initiative['id']}/goals",
                           json={"title": "All youth employed by 24"}).json()
        base = f"/v1/initiatives/{initiative['id']}"
        indicator = {"code": "employed", "name": "Youth employment", "unit": "percent",
                     "direction": "increase", "frequency": "annual"}

        unknown = _eventually(lambda: measurement.post(
            f"{base}/indicators", json={**indicator, "goal_ids": [str(uuid.uuid4())]}),
            timeout_s=0)
        assert unknown.status_code in (404, 422)  # 404 until the initiative itself arrives
        created = _eventually(lambda: measurement.post(
            f"{base}/indicators", json={**indicator, "goal_ids": [goal["id"]]}))
        assert created.status_code == 201, created.text
        assert created.json()["goal_ids"] == [goal["id"]]
        unknown = measurement.post(f"{base}/indicators", json={
            **indicator, "code": "other", "goal_ids": [str(uuid.uuid4())]})
        assert unknown.status_code == 422
        assert unknown.json()["type"] == "urn:backbone:problem:unknown-reference"

        # Deleting the goal in agenda unlinks it in measurement.
        assert agenda.delete(f"/v1/goals/{goal['id']}").status_code == 204
        deadline = time.monotonic() + 30
        while measurement.get(f"/v1/indicators/{created.json()['id']}").json()["goal_ids"]:
            assert time.monotonic() < deadline, "goal.deleted never reached measurement"
            time.sleep(0.2)


def test_with_the_token_a_new_initiative_is_usable_in_measurement_at_once(
    agenda_server: RunningService, measurement_server: RunningService,
) -> None:
    """The "new initiative" wizard: create in agenda, then at once build on it in
    measurement, passing agenda's consistency token; no retries, no sleeps."""
    with _clients(agenda_server, measurement_server) as (agenda, measurement):
        for attempt in range(50):
            initiative = agenda.post("/v1/initiatives", json={"name": f"Wizard {attempt}"})
            goal = agenda.post(f"/v1/initiatives/{initiative.json()['id']}/goals",
                               json={"title": "Every child reads"})
            assert goal.status_code == 201
            base = f"/v1/initiatives/{initiative.json()['id']}"
            dimension = measurement.post(f"{base}/dimensions", headers={
                HEADER: goal.headers[HEADER]}, json={
                "code": "sex", "name": "Sex", "options": [{"code": "f", "label": "F"}]})
            assert dimension.status_code == 201, (attempt, dimension.text)
            indicator = measurement.post(f"{base}/indicators", json={
                "code": "reads", "name": "Reading", "unit": "percent",
                "direction": "increase", "frequency": "annual",
                "dimension_ids": [dimension.json()["id"]], "goal_ids": [goal.json()["id"]]})
            assert indicator.status_code == 201, (attempt, indicator.text)


def test_a_token_of_events_a_service_does_not_consume_does_not_wait(
    agenda_server: RunningService, measurement_server: RunningService,
) -> None:
    with _clients(agenda_server, measurement_server) as (agenda, measurement):
        made = agenda.put(f"/v1/organizations/by-external-id/crm/W-{uuid.uuid4().hex[:8]}",
                          json={"name": "Not consumed by measurement", "sector": "health"})
        assert made.status_code == 201
        # Measurement never receives organization events: an unknown initiative answers
        # its 404 at once (a wait would end in a 503), and the 404 says how to wait.
        missing = measurement.get(f"/v1/initiatives/{uuid.uuid4()}/measurement-settings",
                                  headers={HEADER: made.headers[HEADER]})
        assert missing.status_code == 404, missing.text
        assert HEADER in missing.json()["detail"]
