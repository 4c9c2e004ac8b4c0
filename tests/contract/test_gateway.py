"""The base URL: every service's paths through one origin, one OpenAPI document for them
all, bodies streamed both ways and headers passed on as sent."""

from __future__ import annotations

import time
import uuid
from typing import Any

import httpx
from openapi_spec_validator import validate

from backbone.consistency import HEADER
from backbone.testing import RunningService


def _eventually(read: Any, timeout_s: float = 60.0) -> Any:
    """What ``read`` returns once it returns something (the inbox fills through Kafka)."""
    deadline = time.monotonic() + timeout_s
    while not (found := read()):
        assert time.monotonic() < deadline, "nothing arrived"
        time.sleep(0.2)
    return found


def test_one_document_for_every_service(gateway_server: RunningService) -> None:
    document = httpx.get(f"{gateway_server.url}/openapi.json").json()
    validate(document)  # OpenAPI 3.1, by openapi-spec-validator
    assert document["openapi"] == "3.1.0"
    operations = [op for item in document["paths"].values() for op in item.values()]
    ids = [op["operationId"] for op in operations]
    assert len(ids) == len(set(ids))
    services = {tag.split(": ")[0] for op in operations for tag in op["tags"]}
    assert services == {"Agenda", "Measurement", "Activities", "Notifications", "Platform"}
    assert {"/v1/initiatives/{initiative_id}/goals", "/v1/indicators/{indicator_id}/series",
            "/v1/initiatives/{initiative_id}/gaps", "/v1/webhook-endpoints"} <= set(
        document["paths"])
    assert list(document["components"]["securitySchemes"]) == ["HTTPBearer"]
    assert "Problem" in document["components"]["schemas"]
    docs = httpx.get(f"{gateway_server.url}/docs")
    assert docs.status_code == 200
    assert "/openapi.json" in docs.text
    catalogue = httpx.get(f"{gateway_server.url}/v1/event-types").json()
    assert {t["source"] for t in catalogue} == {f"/backbone/{s}" for s in (
        "agenda", "measurement", "activities", "notifications")}


def test_every_service_answers_at_the_base_url(gateway_server: RunningService) -> None:
    with gateway_server.client() as api:
        made = api.post("/v1/initiatives", json={"name": "Through the gateway"},
                        headers={"X-Request-ID": "gw-test-1"})
        assert made.status_code == 201, made.text
        assert made.headers["x-request-id"] == "gw-test-1"
        base = f"/v1/initiatives/{made.json()['id']}"
        token = {HEADER: made.headers[HEADER]}
        settings = api.get(f"{base}/measurement-settings", headers=token)  # measurement
        assert settings.status_code == 200, settings.text
        again = api.get(f"{base}/measurement-settings",
                        headers={"If-None-Match": settings.headers["etag"]})
        assert again.status_code == 304
        places = api.get(f"{base}/geographies", headers=token)  # activities
        assert places.status_code == 200, places.text
        feed = api.get(f"{base}/feed", headers=token)  # notifications
        assert feed.status_code == 200, feed.text
        unknown = api.get("/v1/nothing-here")
        assert unknown.status_code == 404
        assert unknown.headers["content-type"] == "application/problem+json"
        assert httpx.get(f"{gateway_server.url}/readyz").json()["ready"] == {
            "agenda": True, "measurement": True, "activities": True, "notifications": True}


def test_bodies_stream_through_both_ways(gateway_server: RunningService) -> None:
    """A CSV import sent in chunks, and a live stream read as the service sends it."""
    with gateway_server.client() as api:
        made = api.post("/v1/initiatives", json={"name": "Streams"})
        initiative = made.json()
        base = f"/v1/initiatives/{initiative['id']}"
        indicator = api.post(f"{base}/indicators", headers={HEADER: made.headers[HEADER]},
                             json={"code": "seats", "name": "Seats", "unit": "count",
                                   "direction": "increase", "frequency": "annual"})
        assert indicator.status_code == 201, indicator.text

        def chunks() -> Any:
            yield b"indicator,period,value\r\n"
            for year in range(1901, 2201):
                yield f"seats,{year},{year % 50}\r\n".encode()

        imported = api.post(f"{base}/observations/import", content=chunks(),
                            headers={"Content-Type": "text/csv"})
        assert imported.status_code == 200, imported.text
        assert imported.json()["summary"]["created"] == 300

        viewer = {"Authorization": "Bearer " + gateway_server.tenant.token(
            f"initiative:{initiative['id']}:viewer", sub=f"reader-{uuid.uuid4().hex[:6]}")}
        assert api.put("/v1/me/preferences", headers=viewer, json={}).status_code == 200
        announced = api.post(f"{base}/announcements", headers={HEADER: made.headers[HEADER]},
                             json={
                                 "title": "Data walk", "body": "Thursday at the library.",
                                 "audience": {"kind": "everyone"}})
        assert announced.status_code == 201, announced.text
        [note] = _eventually(lambda: api.get("/v1/me/notifications", headers=viewer
                                             ).json()["items"])
        with api.stream("GET", "/v1/me/stream", headers={
                **viewer, "Last-Event-ID": str(note["seq"] - 1)}) as stream:
            assert stream.headers["content-type"].startswith("text/event-stream")
            lines = []
            for line in stream.iter_lines():
                lines.append(line)
                if line.startswith("data:"):
                    break
    assert f"id: {note['seq']}" in lines
    assert "Data walk" in lines[-1]


def test_any_method_with_a_body_is_passed_on_and_own_paths_take_only_get(
        gateway_server: RunningService) -> None:
    with gateway_server.client() as api:
        probe = api.request("OPTIONS", "/v1/initiatives", json={"name": "x"})
        assert probe.status_code == 405, probe.text  # the service's answer, not the gateway's
        assert probe.headers["content-type"] == "application/problem+json"
        for path in ("/v1/event-types", "/openapi.json", "/readyz"):
            refused = api.put(path, json={})
            assert refused.status_code == 405, (path, refused.text)
            assert refused.headers["allow"] == "GET"
            assert refused.headers["content-type"] == "application/problem+json"
        unroutable = api.get("/v1/organizations/by-external-id/crm/a%0Ab")  # a line break
        assert unroutable.status_code == 404, unroutable.text
        assert unroutable.headers["content-type"] == "application/problem+json"
