"""Read-your-writes: a write names its events; a request naming events waits for them."""

from __future__ import annotations

import base64
import json
import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from backbone.consistency import HEADER, parse
from backbone.contracts.agenda import events as agenda
from backbone.events.inbox import claim
from backbone.testing import every_tenant

GOAL_CREATED = agenda.GOAL_CREATED.type


def _token(*events: tuple[str, uuid.UUID]) -> str:
    raw = json.dumps([[t, str(i)] for t, i in events]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


async def test_a_write_names_the_events_it_emitted(api: httpx.AsyncClient, setup: Any) -> None:
    rows = [{"indicator": "ready", "period": p, "numerator": 1, "denominator": 2}
            for p in ("2023", "2024", "2025")]
    batch = await api.post(f"/v1/initiatives/{setup.initiative_id}/observations/batch",
                           headers=setup.staff, json={"rows": rows})
    named = parse(batch.headers[HEADER])
    # Per type, the last event of the initiative: recorded, and the import's summary.
    assert sorted(t for t, _ in named) == ["org.backbone.measurement.import.completed",
                                           "org.backbone.measurement.observation.recorded"]
    read = await api.get(f"/v1/indicators/{setup.indicator['id']}", headers=setup.staff)
    assert HEADER not in read.headers


async def test_an_event_never_applied_ends_the_wait_in_a_503(
    api: httpx.AsyncClient, measurement_app: FastAPI, setup: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(measurement_app.state.settings, "consistency_wait_s", 0.3)
    consumed = _token((GOAL_CREATED, uuid.uuid4()))
    waited = await api.get(f"/v1/indicators/{setup.indicator['id']}",
                           headers={**setup.staff, HEADER: consumed})
    assert waited.status_code == 503
    assert waited.headers["retry-after"] == "1"
    assert waited.json()["type"] == "urn:backbone:problem:not-yet-consistent"
    ignored = _token((agenda.DECISION_RECORDED.type, uuid.uuid4()))
    answered = await api.get(f"/v1/indicators/{setup.indicator['id']}",
                             headers={**setup.staff, HEADER: ignored})
    assert answered.status_code == 200


async def test_an_applied_event_is_waited_for_and_a_bad_token_is_422(
    api: httpx.AsyncClient, measurement_app: FastAPI, setup: Any
) -> None:
    event_id = uuid.uuid4()
    async with every_tenant(measurement_app)() as session, session.begin():
        assert await claim(session, "measurement", event_id, GOAL_CREATED)  # as applied
    seen = await api.get(f"/v1/indicators/{setup.indicator['id']}", headers={
        **setup.staff, HEADER: _token((GOAL_CREATED, event_id))})
    assert seen.status_code == 200
    bad = await api.get(f"/v1/indicators/{setup.indicator['id']}",
                        headers={**setup.staff, HEADER: "not a token"})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["loc"] == ["header", HEADER]
