"""The event contract: real messages off the broker, parsed by the official CloudEvents SDK,
validated against the committed JSON Schemas; committed schemas match the code."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import jsonschema
import pytest
from aiokafka import AIOKafkaConsumer
from cloudevents.core.bindings import kafka as ce_kafka

from backbone.consistency import HEADER, encode, parse
from backbone.published import render_all
from backbone.service import discover_registries
from backbone.testing import Network, RunningService
from notifications.receiver import Receiver, Reply

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "events"


def test_published_documents_match_the_code() -> None:
    """A payload change without a new version, a new route or an OpenAPI change without
    `backbone docs`, fails here (event schemas, AsyncAPI, OpenAPI, the route tables)."""
    for path, text in render_all().items():
        committed = ROOT / path
        assert committed.exists(), f"{path} is not published: run `./dev docs`"
        assert committed.read_text() == text, (
            f"{path} changed: for an incompatible event change bump the event's version; "
            "then run `./dev docs`")
    stale = {p.relative_to(ROOT) for p in (DOCS / "schemas").glob("*.json")} - set(
        render_all())
    assert not stale, f"schemas of event types no longer defined: {stale}"


async def test_emitted_events_are_cloudevents_that_match_their_schemas(
    agenda_server: RunningService,
) -> None:
    tenant = agenda_server.tenant
    async with agenda_server.async_client(tenant.admin) as api:
        initiative = (await api.post("/v1/initiatives", json={"name": "Contract"})).json()
        base = f"/v1/initiatives/{initiative['id']}"
        org = (await api.put("/v1/organizations/by-external-id/crm/C-1",
                             json={"name": "Org", "sector": "health"})).json()
        participant = (await api.post(f"{base}/participants", json={
            "kind": "organization", "organization_id": org["id"], "roles": ["partner"]})).json()
        goal = (await api.post(f"{base}/goals", json={"title": "G"})).json()
        strategy = (await api.post(f"/v1/goals/{goal['id']}/strategies",
                                   json={"title": "S"})).json()
        group = (await api.post(f"{base}/working-groups", json={
            "name": "W", "goal_ids": [goal["id"]], "member_ids": [participant["id"]]})).json()
        decision = (await api.post(f"{base}/decisions", json={
            "title": "D", "method": "vote", "decided_on": "2025-03-01",
            "votes": {"in_favour": 3}})).json()
        await api.patch(base, json={"vision": "V"})
        await api.patch(f"/v1/organizations/{org['id']}", json={"website": "https://a.example"})
        await api.patch(f"/v1/participants/{participant['id']}", json={"left_on": "2026-01-01"})
        await api.patch(f"/v1/goals/{goal['id']}", json={"status": "achieved"})
        await api.patch(f"/v1/strategies/{strategy['id']}", json={"title": "S2"})
        await api.patch(f"/v1/working-groups/{group['id']}", json={"purpose": "P"})
        await api.patch(f"/v1/decisions/{decision['id']}", json={"title": "D2"})
        for url in (f"/v1/decisions/{decision['id']}", f"/v1/working-groups/{group['id']}",
                    f"/v1/strategies/{strategy['id']}", f"/v1/participants/{participant['id']}",
                    f"/v1/goals/{goal['id']}"):
            assert (await api.delete(url)).status_code == 204

    await _check_topic("agenda", tenant.name, tenant.settings.kafka_bootstrap_servers)


async def test_measurement_events_match_their_schemas(
    measurement_server: RunningService, network: Network,
) -> None:
    tenant = measurement_server.tenant
    async with measurement_server.async_client(tenant.admin) as api:
        base = f"/v1/initiatives/{network.initiative_id}"
        # With agenda's token, measurement answers once the initiative and goal arrived.
        assert (await api.patch(f"{base}/measurement-settings", headers=network.consistent,
                                json={"min_cell_size": 5})).status_code == 200
        options = [{"code": "f", "label": "F"}, {"code": "m", "label": "M"}]
        dim = (await api.post(f"{base}/dimensions", json={
            "code": "sex", "name": "Sex", "options": options})).json()
        await api.patch(f"/v1/dimensions/{dim['id']}", json={"name": "Sex at birth"})
        spare = (await api.post(f"{base}/dimensions", json={
            "code": "spare", "name": "Spare", "options": options})).json()
        assert (await api.delete(f"/v1/dimensions/{spare['id']}")).status_code == 204
        created = await api.post(f"{base}/indicators", json={
            "code": "grads", "name": "Graduates", "unit": "count", "direction": "increase",
            "frequency": "annual", "dimension_ids": [dim["id"]],
            "goal_ids": [network.goal_id]})
        assert created.status_code == 201, created.text
        ind = created.json()
        await api.patch(f"/v1/indicators/{ind['id']}", json={"definition": "On time."})
        await api.put(f"/v1/indicators/{ind['id']}/targets",
                      json={"targets": [{"period": "2030", "value": 100}]})
        first = (await api.post(f"/v1/indicators/{ind['id']}/observations",
                                json={"period": "2025", "value": 40})).json()
        await api.post(f"/v1/indicators/{ind['id']}/observations",
                       json={"period": "2025", "value": 45})
        batch = (await api.post(f"{base}/observations/batch", json={"rows": [
            {"indicator": "grads", "period": "2026", "value": 60,
             "disaggregation": {"sex": "f"}},
            *({"indicator": "grads", "period": "2025", "value": value,
               "disaggregation": {"sex": sex}} for sex, value in (("f", 30), ("m", 35)))]})
                 ).json()
        await api.post(f"/v1/observations/{first['id']}/review", json={"decision": "approve"})
        rejected, *by_sex = (r["observation_id"] for r in batch["results"])
        await api.post(f"/v1/observations/{rejected}/review",
                       json={"decision": "reject", "note": "duplicate"})
        for observation_id in by_sex:  # two groups to compare: disparities
            await api.post(f"/v1/observations/{observation_id}/review",
                           json={"decision": "approve"})
        await api.patch(f"/v1/indicators/{ind['id']}", json={"status": "retired"})
    await _check_topic("measurement", tenant.name, tenant.settings.kafka_bootstrap_servers)


async def test_activities_events_match_their_schemas(
    agenda_server: RunningService, activities_server: RunningService,
) -> None:
    tenant = activities_server.tenant
    async with agenda_server.async_client(tenant.admin) as agenda:
        initiative = (await agenda.post("/v1/initiatives", json={"name": "Aligned"})).json()
        base = f"/v1/initiatives/{initiative['id']}"
        made_org = await agenda.post("/v1/organizations",
                                     json={"name": "Tutors", "sector": "education"})
        org = made_org.json()
        await agenda.post(f"{base}/participants", json={
            "kind": "organization", "organization_id": org["id"], "roles": ["partner"]})
        goal = (await agenda.post(f"{base}/goals", json={"title": "Reading"})).json()
        strategy = await agenda.post(f"/v1/goals/{goal['id']}/strategies",
                                     json={"title": "Tutoring"})
    # Organizations are keyed by themselves, not by the initiative: both tokens count.
    token = encode([*parse(made_org.headers[HEADER]), *parse(strategy.headers[HEADER])])
    async with activities_server.async_client(tenant.admin) as api:
        place = await api.post(f"{base}/geographies", headers={HEADER: token},
                               json={"code": "north", "name": "North"})
        assert place.status_code == 201, place.text
        await api.patch(f"/v1/geographies/{place.json()['id']}", json={"name": "Northside"})
        body = {"title": "Tutoring", "lead_organization_id": org["id"], "status": "active",
                "strategy_ids": [strategy.json()["id"]], "geographies": ["north"]}
        first = (await api.post(f"{base}/activities", json=body)).json()
        second = (await api.post(f"{base}/activities", json={**body, "title": "Club"})).json()
        await api.patch(f"/v1/activities/{first['id']}", json={"description": "Weekly"})
        await api.patch(f"/v1/activities/{first['id']}", json={"status": "paused"})
        part = (await api.post(f"/v1/activities/{first['id']}/contributors", json={
            "organization_id": org["id"], "role": "implementing", "staff_hours": 10})).json()
        await api.patch(f"/v1/contributors/{part['id']}", json={"staff_hours": 12})
        await api.delete(f"/v1/contributors/{part['id']}")
        update = (await api.post(f"/v1/activities/{first['id']}/updates", json={
            "reported_on": "2026-01-05", "text": "Started"})).json()
        await api.patch(f"/v1/activity-updates/{update['id']}", json={"text": "Begun"})
        await api.delete(f"/v1/activity-updates/{update['id']}")
        link = (await api.post(f"/v1/activities/{first['id']}/links", json={
            "to_activity_id": second["id"], "kind": "reinforces"})).json()
        await api.delete(f"/v1/activity-links/{link['id']}")
        promise = {"organization_id": org["id"], "text": "Twenty tutors"}
        kept = (await api.post(f"{base}/commitments", json=promise)).json()
        await api.patch(f"/v1/commitments/{kept['id']}", json={"text": "Thirty tutors"})
        await api.patch(f"/v1/commitments/{kept['id']}", json={"status": "done"})
        late = await api.post(f"{base}/commitments", json={**promise, "due_date": "2020-01-01"})
        assert late.status_code == 201  # the service's check announces it overdue
        assert (await api.delete(f"/v1/activities/{second['id']}")).status_code == 204
    await _check_topic("activities", tenant.name, tenant.settings.kafka_bootstrap_servers)


async def _check_topic(service: str, tenant: str, bootstrap_servers: str) -> None:
    """Every event type of the service arrives, parses as a CloudEvent and fits its schema."""
    registry = next(r for r in discover_registries() if r.service == service)
    expected_types = {t.type for t in registry}
    consumer = AIOKafkaConsumer(registry.topic, bootstrap_servers=bootstrap_servers,
                                auto_offset_reset="earliest")
    await consumer.start()
    seen: dict[str, int] = {}
    try:
        deadline = asyncio.get_running_loop().time() + 30
        while set(seen) != expected_types and asyncio.get_running_loop().time() < deadline:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                for record in records:
                    message = ce_kafka.KafkaMessage(
                        headers={k: v for k, v in record.headers}, key=record.key,
                        value=record.value)
                    event = ce_kafka.from_binary_event(message)
                    if event.get_extension("tenant") != tenant:
                        continue
                    attributes = event.get_attributes()
                    assert attributes["specversion"] == "1.0"
                    assert attributes["source"] == registry.source
                    assert attributes["type"] in expected_types
                    assert attributes["datacontenttype"] == "application/json"
                    schema_type = registry.get(attributes["type"])
                    assert attributes["dataschema"] == schema_type.dataschema
                    if event.get_extension("initiative"):
                        assert record.key.decode() == event.get_extension("initiative")
                    # Who caused it: a caller (other tests of the session write as this
                    # tenant too), or this service reacting to an event, never another.
                    actor = event.get_extension("actor")
                    assert actor, attributes
                    assert not actor.startswith("service:") or actor == f"service:{service}"
                    schema = json.loads((DOCS / "schemas" /
                                         f"{schema_type.type}.v{schema_type.version}.json")
                                        .read_text())
                    jsonschema.validate(event.get_data(), schema,
                                        cls=jsonschema.Draft202012Validator)
                    seen[attributes["type"]] = seen.get(attributes["type"], 0) + 1
    finally:
        await consumer.stop()
    assert set(seen) == expected_types, expected_types - set(seen)


async def test_notifications_events_match_their_schemas(
    agenda_server: RunningService, notifications_server: RunningService,
    receiver_pair: tuple[Receiver, Receiver],
) -> None:
    """An endpoint answering 410 is disabled; one always failing exhausts its delivery."""
    gone, failing = receiver_pair
    tenant = notifications_server.tenant
    async with notifications_server.async_client(tenant.admin) as api:
        made = []
        for receiver in (gone, failing):
            created = await api.post("/v1/webhook-endpoints", json={
                "url": receiver.url, "event_types": ["org.backbone.agenda.initiative.*"]})
            assert created.status_code == 201, created.text
            made.append(created.json())
        await api.patch(f"/v1/webhook-endpoints/{made[1]['id']}", json={"description": "D"})
        assert (await api.post(f"/v1/webhook-endpoints/{made[1]['id']}/test")
                ).status_code == 202
        me = await api.put("/v1/me/preferences", json={})  # told of the disabled endpoint
        assert me.status_code == 200, me.text
        async with agenda_server.async_client(tenant.admin) as agenda:
            initiative = await agenda.post("/v1/initiatives", json={"name": "Hooked"})
            assert initiative.status_code == 201
        announced = await api.post(
            f"/v1/initiatives/{initiative.json()['id']}/announcements",
            headers={HEADER: initiative.headers[HEADER]},
            json={"title": "Kick-off", "body": "Tuesday.", "audience": {"kind": "everyone"}})
        assert announced.status_code == 201, announced.text
        await gone.wait_for(1, timeout_s=90)  # the consumer may still be joining the group
        await failing.wait_for(2)  # (at least) both attempts of one delivery failed
        throwaway = await api.post("/v1/webhook-endpoints",
                                   json={"url": "http://127.0.0.1:9/hooks"})
        assert (await api.delete(f"/v1/webhook-endpoints/{throwaway.json()['id']}")
                ).status_code == 204
    await _check_topic("notifications", tenant.name, tenant.settings.kafka_bootstrap_servers)


@pytest.fixture
async def receiver_pair() -> AsyncIterator[tuple[Receiver, Receiver]]:
    # Other tests' initiative events may still be on their way to this tenant's endpoints:
    # the failing one fails them all, so each of its deliveries is given up.
    gone, failing = Receiver([Reply(410)]), Receiver(otherwise=Reply(500))
    servers = [await gone.start(), await failing.start()]
    yield gone, failing
    for server in servers:
        server.close()
