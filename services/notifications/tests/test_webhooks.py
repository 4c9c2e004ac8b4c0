"""Webhook deliveries to real receivers on loopback: signed per Standard Webhooks (checked
with its official library), retried with the same webhook-id, scoped to the owner's
network or initiative, never redirected, disabled by 410, isolated from slow endpoints."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from standardwebhooks.webhooks import Webhook

from backbone.contracts.agenda import events as agenda_events
from backbone.devstack.infra import Infrastructure
from backbone.events.kafka import make_producer
from backbone.readmodels.agenda.feed import AgendaFeed, new_goal, new_initiative
from backbone.readmodels.feeds import as_published
from backbone.testing import Tenant, every_tenant, wait_until
from notifications.receiver import MakeReceiver, Reply

AGENDA = "org.backbone.agenda.*"


async def _endpoint(api: httpx.AsyncClient, headers: dict[str, str], url: str,
                    **fields: Any) -> dict[str, Any]:
    created = await api.post("/v1/webhook-endpoints", headers=headers,
                             json={"url": url, "event_types": [AGENDA], **fields})
    assert created.status_code == 201, created.text
    return created.json()


async def _deliveries(api: httpx.AsyncClient, headers: dict[str, str],
                      endpoint: dict[str, Any]) -> list[dict[str, Any]]:
    listed = await api.get(f"/v1/webhook-endpoints/{endpoint['id']}/deliveries",
                           headers=headers)
    assert listed.status_code == 200, listed.text
    return list(listed.json()["items"])


async def test_a_delivery_is_the_signed_cloudevent(
    api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant, receiver: MakeReceiver,
) -> None:
    hooks = await receiver()
    endpoint = await _endpoint(api, tenant.admin, hooks.url)
    assert endpoint["secret"].startswith("whsec_")
    initiative = await agenda.initiative(tenant.name, "Ready by Five")
    [got] = await hooks.wait_for(1)
    # Verified by the official library, as a receiver would.
    Webhook(endpoint["secret"]).verify(got.body, got.headers)
    event = json.loads(got.body)
    assert got.headers["webhook-id"] == event["id"]
    assert got.headers["content-type"] == "application/cloudevents+json"
    assert (event["specversion"], event["type"], event["tenant"]) == (
        "1.0", agenda_events.INITIATIVE_CREATED.type, tenant.name)
    assert (event["data"]["id"], event["data"]["name"]) == (str(initiative), "Ready by Five")

    async def recorded() -> bool:
        return [d["status"] for d in await _deliveries(api, tenant.admin, endpoint)] == [
            "delivered"]

    await wait_until(recorded)
    [delivery] = await _deliveries(api, tenant.admin, endpoint)
    assert (delivery["attempts"], delivery["last_status_code"], delivery["event_id"]) == (
        1, 200, event["id"])


async def test_failures_are_retried_with_the_same_webhook_id(
    api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant, receiver: MakeReceiver,
) -> None:
    hooks = await receiver(Reply(500), Reply(500), Reply(200))
    endpoint = await _endpoint(api, tenant.admin, hooks.url)
    await agenda.initiative(tenant.name)
    got = await hooks.wait_for(3)
    assert len({r.headers["webhook-id"] for r in got}) == 1

    async def delivered() -> bool:
        return [(d["status"], d["attempts"]) for d in
                await _deliveries(api, tenant.admin, endpoint)] == [("delivered", 3)]

    await wait_until(delivered)


async def test_gone_disables_the_endpoint_and_says_so(
    api: httpx.AsyncClient, notifications_app: FastAPI, agenda: AgendaFeed, tenant: Tenant,
    receiver: MakeReceiver,
) -> None:
    hooks = await receiver(Reply(410))
    endpoint = await _endpoint(api, tenant.admin, hooks.url)
    await agenda.initiative(tenant.name)
    await hooks.wait_for(1)

    async def disabled() -> bool:
        now = (await api.get(f"/v1/webhook-endpoints/{endpoint['id']}",
                             headers=tenant.admin)).json()
        return now["enabled"] is False

    await wait_until(disabled)
    now = (await api.get(f"/v1/webhook-endpoints/{endpoint['id']}", headers=tenant.admin)).json()
    assert "410" in now["disabled_reason"]
    async with every_tenant(notifications_app)() as session:
        types = (await session.execute(text(
            "SELECT type FROM outbox WHERE subject = :id ORDER BY seq"),
            {"id": endpoint["id"]})).scalars().all()
    assert types == ["org.backbone.notifications.endpoint.created",
                     "org.backbone.notifications.endpoint.disabled"]
    await agenda.initiative(tenant.name)  # a disabled endpoint gets no new deliveries
    assert len(await _deliveries(api, tenant.admin, endpoint)) == 1


async def test_redirects_are_failures_and_never_followed(
    api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant, receiver: MakeReceiver,
) -> None:
    elsewhere = await receiver()
    hooks = await receiver(Reply(302, {"location": elsewhere.url}), Reply(200))
    endpoint = await _endpoint(api, tenant.admin, hooks.url)
    await agenda.initiative(tenant.name)
    await hooks.wait_for(2)  # the redirect was a failure: tried again, at the same URL
    assert elsewhere.requests == []

    async def delivered() -> bool:
        return [(d["status"], d["attempts"]) for d in
                await _deliveries(api, tenant.admin, endpoint)] == [("delivered", 2)]

    await wait_until(delivered)


async def test_each_endpoint_gets_only_its_network_or_initiative(
    api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant, other_tenant: Tenant,
    receiver: MakeReceiver,
) -> None:
    ours, theirs = await agenda.initiative(tenant.name), await agenda.initiative(tenant.name)
    foreign = await agenda.initiative(other_tenant.name)
    network_hooks, initiative_hooks, foreign_hooks = (
        await receiver(), await receiver(), await receiver())
    await _endpoint(api, tenant.admin, network_hooks.url)
    staff = tenant.headers(f"initiative:{ours}:backbone")
    await _endpoint(api, staff, initiative_hooks.url, initiative_id=str(ours))
    await _endpoint(api, other_tenant.admin, foreign_hooks.url)

    for initiative, name in [(ours, tenant.name), (theirs, tenant.name),
                             (foreign, other_tenant.name)]:
        goal = new_goal(initiative)
        await agenda.publish(name, agenda_events.GOAL_CREATED, goal, initiative)
    network_got = await network_hooks.wait_for(2)
    await initiative_hooks.wait_for(1)
    foreign_got = await foreign_hooks.wait_for(1)
    # One more event of each kind proves nothing else was on its way before it.
    marker = new_goal(ours)
    await agenda.publish(tenant.name, agenda_events.GOAL_CREATED, marker, ours)
    await network_hooks.wait_for(3)
    await initiative_hooks.wait_for(2)

    def initiatives(got: list[Any]) -> list[str]:
        return [json.loads(r.body)["initiative"] for r in got]

    assert sorted(initiatives(network_got[:2])) == sorted([str(ours), str(theirs)])
    assert initiatives(initiative_hooks.requests) == [str(ours), str(ours)]
    assert initiatives(foreign_got) == [str(foreign)]
    assert {json.loads(r.body)["tenant"] for r in foreign_hooks.requests} == {
        other_tenant.name}


async def test_a_slow_endpoint_never_delays_another_and_times_out(
    api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant, receiver: MakeReceiver,
) -> None:
    never = asyncio.Event()  # the slow receiver never answers in time
    slow = await receiver(Reply(200, hold=never), Reply(200))
    fast = await receiver()
    await _endpoint(api, tenant.admin, slow.url)
    await _endpoint(api, tenant.admin, fast.url)
    await agenda.initiative(tenant.name)
    await slow.wait_for(1)
    await fast.wait_for(1)  # while the slow one still holds its request
    assert not never.is_set()
    retried = await slow.wait_for(2)  # the first attempt timed out and was retried
    assert retried[0].headers["webhook-id"] == retried[1].headers["webhook-id"]
    never.set()


async def test_rotation_signs_with_both_secrets_during_the_overlap(
    api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant, receiver: MakeReceiver,
) -> None:
    hooks = await receiver()
    endpoint = await _endpoint(api, tenant.admin, hooks.url)
    rotated = await api.post(f"/v1/webhook-endpoints/{endpoint['id']}/secret/rotate",
                             headers=tenant.admin)
    assert rotated.status_code == 200, rotated.text
    new_secret = rotated.json()["secret"]
    assert new_secret != endpoint["secret"]
    await agenda.initiative(tenant.name)
    [got] = await hooks.wait_for(1)
    assert len(got.headers["webhook-signature"].split(" ")) == 2
    for secret in (new_secret, endpoint["secret"]):
        Webhook(secret).verify(got.body, got.headers)


@pytest.mark.parametrize("status", [200, 202, 204])
async def test_any_2xx_is_a_success(
    api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant, receiver: MakeReceiver,
    status: int,
) -> None:
    hooks = await receiver(Reply(status))
    endpoint = await _endpoint(api, tenant.admin, hooks.url)
    await agenda.initiative(tenant.name)
    await hooks.wait_for(1)

    async def delivered() -> bool:
        return [d["status"] for d in await _deliveries(api, tenant.admin, endpoint)] == [
            "delivered"]

    await wait_until(delivered)
    assert uuid.UUID(hooks.requests[0].headers["webhook-id"])


async def test_events_on_the_broker_reach_the_endpoint(
    api: httpx.AsyncClient, infra: Infrastructure, tenant: Tenant, receiver: MakeReceiver,
) -> None:
    """The service's own consumer, on agenda's real topic: what agenda publishes is
    delivered, the way it is in production."""
    hooks = await receiver()
    await _endpoint(api, tenant.admin, hooks.url)
    state = new_initiative("Published on the broker")
    event = as_published(tenant.name, agenda_events.INITIATIVE_CREATED, state, state.id)
    producer = make_producer(infra.settings("agenda"))
    await producer.start()
    try:
        await producer.send_and_wait(agenda_events.INITIATIVE_CREATED.topic, event.value(),
                                     key=str(state.id).encode(), headers=event.headers())
    finally:
        await producer.stop()
    [got] = await hooks.wait_for(1, timeout_s=90)  # the consumer may still be joining
    assert json.loads(got.body)["id"] == str(event.id) == got.headers["webhook-id"]


async def test_retry_after_replaces_the_schedules_wait(
    api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant, receiver: MakeReceiver,
) -> None:
    hooks = await receiver(Reply(503, {"retry-after": "3600"}))
    endpoint = await _endpoint(api, tenant.admin, hooks.url)
    await agenda.initiative(tenant.name)
    await hooks.wait_for(1)

    async def recorded() -> bool:
        return [d["attempts"] for d in await _deliveries(api, tenant.admin, endpoint)] == [1]

    await wait_until(recorded)
    [delivery] = await _deliveries(api, tenant.admin, endpoint)
    waits = datetime.fromisoformat(delivery["next_attempt_at"]) - datetime.fromisoformat(
        delivery["updated_at"])
    assert timedelta(minutes=59) < waits <= timedelta(minutes=60)  # not the schedule's 0.1 s
    assert (delivery["status"], delivery["last_status_code"]) == ("pending", 503)


async def test_exhausted_deliveries_are_recovered_and_resent_with_their_id(
    api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant, receiver: MakeReceiver,
) -> None:
    hooks = await receiver(*[Reply(500)] * 4)
    endpoint = await _endpoint(api, tenant.admin, hooks.url)
    await agenda.initiative(tenant.name)
    await hooks.wait_for(4)  # every attempt of the tests' four-step schedule failed

    async def failed() -> bool:
        return [d["status"] for d in await _deliveries(api, tenant.admin, endpoint)] == [
            "failed"]

    await wait_until(failed)
    recovered = await api.post(f"/v1/webhook-endpoints/{endpoint['id']}/recover",
                               headers=tenant.admin, json={"since": "2026-01-01T00:00:00Z"})
    assert (recovered.status_code, recovered.json()) == (202, {"scheduled": 1})
    await hooks.wait_for(5)  # now answered with 200
    [delivery] = await _deliveries(api, tenant.admin, endpoint)
    resent = await api.post(f"/v1/deliveries/{delivery['id']}/resend", headers=tenant.admin)
    assert resent.status_code == 202
    got = await hooks.wait_for(6)
    assert len({r.headers["webhook-id"] for r in got}) == 1


async def test_a_delivery_claimed_by_a_worker_that_died_is_sent_when_its_lease_ends(
    api: httpx.AsyncClient, notifications_app: FastAPI, tenant: Tenant,
    receiver: MakeReceiver,
) -> None:
    """As a crash leaves it: claimed (leased), attempted or not, never recorded."""
    hooks = await receiver()
    endpoint = await _endpoint(api, tenant.admin, hooks.url)
    event_id = uuid.uuid4()
    async with every_tenant(notifications_app)() as session, session.begin():
        await session.execute(text(
            "INSERT INTO deliveries (id, tenant, endpoint_id, event_id, event_type, body, "
            "status, attempts, next_attempt_at, leased_until, created_at, updated_at) VALUES "
            "(:id, :tenant, :endpoint, :event, 'org.backbone.agenda.goal.created', '{}', "
            "'pending', 0, now(), now() + interval '1 second', now(), now())"),
            {"id": uuid.uuid4(), "tenant": tenant.name, "endpoint": endpoint["id"],
             "event": event_id})
    [got] = await hooks.wait_for(1)
    assert got.headers["webhook-id"] == str(event_id)
    Webhook(endpoint["secret"]).verify(got.body, got.headers)


async def test_a_test_delivery_goes_to_that_endpoint_only(
    api: httpx.AsyncClient, tenant: Tenant, receiver: MakeReceiver,
) -> None:
    hooks, other = await receiver(), await receiver()
    endpoint = await _endpoint(api, tenant.admin, hooks.url, event_types=["*"])
    await _endpoint(api, tenant.admin, other.url, event_types=["*"])
    tested = await api.post(f"/v1/webhook-endpoints/{endpoint['id']}/test",
                            headers=tenant.admin)
    assert tested.status_code == 202, tested.text
    [got] = await hooks.wait_for(1)
    Webhook(endpoint["secret"]).verify(got.body, got.headers)
    event = json.loads(got.body)
    assert (event["type"], event["data"]["id"]) == (
        "org.backbone.notifications.endpoint.tested", endpoint["id"])
    assert event["id"] == tested.json()["event_id"] == got.headers["webhook-id"]
    await api.patch(f"/v1/webhook-endpoints/{endpoint['id']}", headers=tenant.admin,
                    json={"enabled": False})
    refused = await api.post(f"/v1/webhook-endpoints/{endpoint['id']}/test",
                             headers=tenant.admin)
    assert (refused.status_code, refused.json()["type"]) == (
        409, "urn:backbone:problem:endpoint-disabled")
    assert other.requests == []


async def test_a_rate_limited_endpoint_gets_at_most_its_limit_each_second(
    api: httpx.AsyncClient, notifications_app: FastAPI, agenda: AgendaFeed, tenant: Tenant,
    receiver: MakeReceiver,
) -> None:
    limited, free = await receiver(), await receiver()
    endpoint = await _endpoint(api, tenant.admin, limited.url, rate_limit=2)
    assert endpoint["rate_limit"] == 2
    await _endpoint(api, tenant.admin, free.url)
    for n in range(6):
        await agenda.initiative(tenant.name, f"Initiative {n}")
    await free.wait_for(6)
    await limited.wait_for(6)
    async with every_tenant(notifications_app)() as session:
        claimed = list((await session.execute(text(
            "SELECT claimed_at FROM deliveries WHERE endpoint_id = :id ORDER BY claimed_at"),
            {"id": endpoint["id"]})).scalars())
    # Any three claims span at least a second: never more than two in one.
    assert all(later - first >= timedelta(seconds=1)
               for first, later in zip(claimed, claimed[2:], strict=False))
    cleared = await api.patch(f"/v1/webhook-endpoints/{endpoint['id']}", headers=tenant.admin,
                              json={"rate_limit": None})
    assert cleared.json()["rate_limit"] is None
