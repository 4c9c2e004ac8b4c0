from __future__ import annotations

import asyncio
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from activities.app import SERVICE as ACTIVITIES
from agenda.app import SERVICE as AGENDA
from backbone.consistency import HEADER, encode, parse
from backbone.devstack.infra import Infrastructure, prepare_service
from backbone.devstack.ports import free_port
from backbone.devstack.processes import GatewayProcess, ServiceProcess
from backbone.service import ServiceSpec
from backbone.settings import BaseServiceSettings
from backbone.testing import Network, RunningService, Tenant
from measurement.app import SERVICE as MEASUREMENT
from notifications.app import SERVICE as NOTIFICATIONS

DATABASES = {"agenda": "backbone_agenda_contract",
             "notifications": "backbone_notifications_contract"}
"""The databases of servers that do not share the in-process tests' database. Agenda's is
its own so that its relay never publishes (in its own process) an event that an in-process
agenda test waits to see its own relay publish."""

UNLIMITED = {f"BACKBONE_RATE_LIMIT_{kind}_PER_MINUTE": "0" for kind in ("READS", "WRITES",
                                                                       "BULK")}
"""The shared servers take the whole suite's requests in one tenant (fuzzing included): no
rate limits there; the rate limit tests start servers of their own."""


def _serve(infra: Infrastructure, spec: ServiceSpec, database: str | None = None,
           **env: str) -> Iterator[RunningService]:
    """A service as it runs in production: its own uvicorn process (on a database of its
    own, if named, rather than the one the in-process tests of the service use).

    On a database of its own it also consumes in a group of its own: in one group with the
    in-process tests' app, each would apply only the events of the partitions it was
    given, each to its own database. The new group begins where the topics end now (what
    came before belongs to the tenants of other tests), so no backlog delays it."""
    if database is not None:
        env["BACKBONE_DATABASE_NAME"] = database
        env["BACKBONE_CONSUMER_GROUP"] = f"{spec.name}-{database}"
        prepare_service(infra, spec, database_name=database)
        asyncio.run(_begin_at_the_end(infra, spec, env["BACKBONE_CONSUMER_GROUP"]))
    else:
        prepare_service(infra, spec)
    process = ServiceProcess(spec, infra, free_port(),
                             Path(tempfile.mkdtemp()) / f"{spec.name}.log",
                             env={"BACKBONE_LOG_LEVEL": "WARNING", "BACKBONE_CONSISTENCY_WAIT_S":
                                  str(RunningService.CONSISTENCY_WAIT_S), **UNLIMITED, **env})
    try:
        process.wait_ready()
        yield RunningService(process.url, Tenant(infra.settings(spec.name)))
    finally:
        process.stop()


async def _begin_at_the_end(infra: Infrastructure, spec: ServiceSpec, group: str) -> None:
    topics = spec.topics(infra.settings(spec.name))
    consumer = AIOKafkaConsumer(bootstrap_servers=infra.bootstrap_servers, group_id=group,
                                enable_auto_commit=False)
    await consumer.start()
    try:
        await consumer._client.force_metadata_update()
        found = {topic: consumer.partitions_for_topic(topic) for topic in topics}
        assert all(found.values()), found  # prepare_service made them
        partitions = [TopicPartition(topic, n) for topic, ns in found.items() for n in ns]
        consumer.assign(partitions)
        await consumer.commit(await consumer.end_offsets(partitions))
    finally:
        await consumer.stop()


@pytest.fixture(scope="session")
def agenda_server(infra: Infrastructure) -> Iterator[RunningService]:
    yield from _serve(infra, AGENDA, DATABASES["agenda"])


@pytest.fixture(scope="session")
def measurement_server(infra: Infrastructure, agenda_server: RunningService
                       ) -> Iterator[RunningService]:
    """Measurement beside agenda (whose events it consumes), in the agenda server's tenant."""
    for running in _serve(infra, MEASUREMENT):
        yield RunningService(running.url, agenda_server.tenant)


@pytest.fixture(scope="session")
def notifications_server(infra: Infrastructure, agenda_server: RunningService
                         ) -> Iterator[RunningService]:
    """Notifications beside agenda, in the agenda server's tenant; its webhooks may reach
    receivers on loopback, and give up after two quick attempts. Its database is its own:
    the in-process tests' app has delivery workers too, with another schedule, and would
    take its deliveries (and it theirs) as replicas of one service do."""
    for running in _serve(infra, NOTIFICATIONS, DATABASES["notifications"],
                          BACKBONE_WEBHOOK_ALLOWED_NETWORKS='["127.0.0.0/8"]',
                          BACKBONE_WEBHOOK_ALLOW_HTTP="true",
                          BACKBONE_WEBHOOK_RETRY_SCHEDULE_S="[0, 0.1]",
                          BACKBONE_WEBHOOK_POLL_INTERVAL_S="0.05",
                          BACKBONE_STREAM_MAX_S="1"):  # a stream ends, so a fuzzed call does
        yield RunningService(running.url, agenda_server.tenant)


@pytest.fixture(scope="session")
def activities_server(infra: Infrastructure, agenda_server: RunningService
                      ) -> Iterator[RunningService]:
    """Activities beside agenda and measurement (whose events it consumes), in the agenda
    server's tenant; it looks for overdue commitments every half second."""
    for running in _serve(infra, ACTIVITIES, BACKBONE_COMMITMENT_CHECK_INTERVAL_S="0.5"):
        yield RunningService(running.url, agenda_server.tenant)


@pytest.fixture(scope="session")
def gateway_server(agenda_server: RunningService, measurement_server: RunningService,
                   activities_server: RunningService, notifications_server: RunningService
                   ) -> Iterator[RunningService]:
    """The base URL in front of the four services (as ``./dev up`` runs it)."""
    upstreams = {"agenda": agenda_server.url, "measurement": measurement_server.url,
                 "activities": activities_server.url,
                 "notifications": notifications_server.url}
    process = GatewayProcess(upstreams, free_port(), Path(tempfile.mkdtemp()) / "gateway.log")
    try:
        process.wait_ready()
        yield RunningService(process.url, agenda_server.tenant)
    finally:
        process.stop()


@pytest.fixture(scope="session")
def server_settings(infra: Infrastructure, gateway_server: RunningService
                    ) -> dict[str, BaseServiceSettings]:
    """The settings the base URL's services run with (their databases and roles)."""
    return {service: infra.settings(service, **(
        {"database_name": DATABASES[service]} if service in DATABASES else {}))
        for service in ("agenda", "measurement", "activities", "notifications")}


@pytest.fixture(scope="session")
def network(agenda_server: RunningService, measurement_server: RunningService) -> Network:
    with agenda_server.client() as agenda:
        initiative = agenda.post("/v1/initiatives", json={"name": "Shared measurement"}).json()
        goal = agenda.post(f"/v1/initiatives/{initiative['id']}/goals",
                           json={"title": "Every child reads by grade 3"})
    return Network(initiative["id"], goal.json()["id"], goal.headers[HEADER])


Partnership = Callable[[httpx.Client], dict[str, Any]]


@pytest.fixture(scope="session")
def partnership() -> Partnership:
    """Makes, in agenda, an initiative with a partner organization, a goal and a strategy;
    returns their ids, the initiative's base path and a consistency token covering the
    organization and the strategy."""

    def make(agenda: httpx.Client) -> dict[str, Any]:
        initiative = agenda.post("/v1/initiatives", json={"name": "Reading together"}).json()
        base = f"/v1/initiatives/{initiative['id']}"
        org = agenda.post("/v1/organizations", json={"name": "Tutors", "sector": "education"})
        agenda.post(f"{base}/participants", json={
            "kind": "organization", "organization_id": org.json()["id"],
            "roles": ["partner"]})
        goal = agenda.post(f"{base}/goals", json={"title": "Every child reads"}).json()
        strategy = agenda.post(f"/v1/goals/{goal['id']}/strategies",
                               json={"title": "Tutoring"})
        assert strategy.status_code == 201, strategy.text
        # Organizations are keyed by themselves, not by the initiative: both tokens count.
        token = encode([*parse(org.headers[HEADER]), *parse(strategy.headers[HEADER])])
        return {"base": base, "initiative": initiative["id"], "org": org.json()["id"],
                "goal": goal["id"], "strategy": strategy.json()["id"], "token": token}

    return make


@dataclass
class World:
    """One of everything in a fresh tenant, made through the base URL: the ids a path can
    name (by parameter name), the marker its names carry, and the headers of a caller in
    each role: network admin, backbone staff, partner (of organization P, in initiative I),
    partner of another initiative (Q, in J), viewer, and no role."""

    tenant: Tenant
    ids: dict[str, str]
    callers: dict[str, dict[str, str]]
    marker: str

    @property
    def initiative(self) -> str:
        return self.ids["initiative_id"]


def _created(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code in (200, 201, 202), (response.request.url, response.text)
    return response.json()


def _until(read: Callable[[], list[Any]], timeout_s: float = 60.0) -> list[Any]:
    """What ``read`` returns once it is not empty (a notification made from an event)."""
    deadline = time.monotonic() + timeout_s
    while not (found := read()):
        assert time.monotonic() < deadline, "nothing arrived"
        time.sleep(0.2)
    return found


def build_world(base_url: str, tenant: Tenant) -> World:
    """Organizations P (partner in initiative I) and Q (partner in initiative J); in I a
    working group, decision, goal and strategy (agenda), a dimension, indicator, targets and
    an observation by P (measurement), a geography, activities led by P with a contributor,
    commitment, update and link (activities), a webhook endpoint with a delivery and a
    notification (notifications)."""
    marker = f"world-{uuid.uuid4().hex[:10]}"
    admin = tenant.admin
    with httpx.Client(base_url=base_url, headers=admin, timeout=RunningService.TIMEOUT_S) as api:
        orgs = [api.put(f"/v1/organizations/by-external-id/crm/{marker}-{n}", json={
            "name": f"{marker} {n}", "sector": "nonprofit"}) for n in "PQ"]
        p, q = (_created(o)["id"] for o in orgs)
        made = [api.post("/v1/initiatives", json={"name": f"{marker} {n}"}) for n in "IJ"]
        i, j = (_created(m)["id"] for m in made)
        callers = {
            "network admin": admin,
            "backbone staff": tenant.headers(f"initiative:{i}:backbone"),
            "partner": tenant.headers(f"initiative:{i}:partner", org=uuid.UUID(p)),
            "partner of another initiative": tenant.headers(f"initiative:{j}:partner",
                                                            org=uuid.UUID(q)),
            "viewer": tenant.headers(f"initiative:{i}:viewer"),
            "no role": tenant.headers(),
        }
        base = f"/v1/initiatives/{i}"
        writes = [api.post(f"/v1/initiatives/{j}/participants", json={
            "kind": "organization", "organization_id": q, "roles": ["partner"]}),
                  api.post(f"{base}/participants", json={
            "kind": "organization", "organization_id": p, "roles": ["partner"]})]
        participant = _created(writes[-1])
        writes.append(api.post(f"{base}/goals", json={"title": f"{marker} goal"}))
        goal = _created(writes[-1])
        writes.append(api.post(f"/v1/goals/{goal['id']}/strategies",
                               json={"title": f"{marker} strategy"}))
        strategy = _created(writes[-1])
        group = _created(api.post(f"{base}/working-groups", json={
            "name": f"{marker} group", "member_ids": [participant["id"]]}))
        decision = _created(api.post(f"{base}/decisions", json={
            "title": f"{marker} decision", "method": "consensus", "decided_on": "2026-01-05"}))
        # Every service waits for what it consumes of these (the organizations, initiatives,
        # participants, goal and strategy), whichever it is.
        consistent = {HEADER: encode([event for answer in [*orgs, *made, *writes]
                                      for event in parse(answer.headers[HEADER])])}
        dimension = _created(api.post(f"{base}/dimensions", headers=consistent, json={
            "code": "race_ethnicity", "name": f"{marker} race", "options": [
                {"code": "latino", "label": "Latino"}, {"code": "white", "label": "White"}]}))
        indicator = _created(api.post(f"{base}/indicators", json={
            "code": "reading", "name": f"{marker} reading", "unit": "count",
            "direction": "increase", "frequency": "annual", "status": "active",
            "goal_ids": [goal["id"]], "dimension_ids": [dimension["id"]]}))
        _created(api.put(f"/v1/indicators/{indicator['id']}/targets", json={
            "targets": [{"period": "2027", "value": 90}]}))
        observation = _created(api.post(
            f"/v1/indicators/{indicator['id']}/observations", headers=callers["partner"],
            json={"period": "2025", "value": 40, "organization_id": p,
                  "comment": f"{marker} observation"}))
        geography = _created(api.post(f"{base}/geographies", headers=consistent, json={
            "code": "Lincoln Elementary", "name": f"{marker} school"}))
        activity = _created(api.post(f"{base}/activities", headers=callers["partner"], json={
            "title": f"{marker} tutoring", "lead_organization_id": p,
            "geographies": ["Lincoln Elementary"]}))
        other = _created(api.post(f"{base}/activities", json={
            "title": f"{marker} camp", "lead_organization_id": p}))
        partner = callers["partner"]
        contributor = _created(api.post(f"/v1/activities/{activity['id']}/contributors",
                                        headers=partner, json={"organization_id": p,
                                                               "role": "implementing"}))
        commitment = _created(api.post(f"{base}/commitments", headers=partner, json={
            "organization_id": p, "text": f"{marker} commitment"}))
        update = _created(api.post(f"/v1/activities/{activity['id']}/updates", headers=partner,
                                   json={"reported_on": "2026-01-05", "text": f"{marker} go"}))
        link = _created(api.post(f"/v1/activities/{activity['id']}/links", headers=partner,
                                 json={"to_activity_id": other["id"], "kind": "reinforces",
                                       "note": f"{marker} link"}))
        endpoint = _created(api.post("/v1/webhook-endpoints", headers=consistent, json={
            "url": "http://127.0.0.1:9/hooks", "initiative_id": i,
            "description": f"{marker} endpoint"}))
        delivery = _created(api.post(f"/v1/webhook-endpoints/{endpoint['id']}/test"))
        viewer = callers["viewer"]
        _created(api.put("/v1/me/preferences", headers=viewer, json={}))
        _created(api.post(f"{base}/announcements", json={
            "title": f"{marker} news", "body": "Thursday.", "audience": {"kind": "everyone"}}))
        [notification, *_] = _until(lambda: api.get("/v1/me/notifications", headers=viewer
                                                     ).json()["items"])
    ids = {"initiative_id": i, "organization_id": p, "system": "crm",
           "external_id": f"{marker}-P", "participant_id": participant["id"],
           "goal_id": goal["id"], "strategy_id": strategy["id"],
           "working_group_id": group["id"], "decision_id": decision["id"], "number": "1",
           "dimension_id": dimension["id"], "indicator_id": indicator["id"],
           "observation_id": observation["id"], "geography_id": geography["id"],
           "activity_id": activity["id"], "contributor_id": contributor["id"],
           "commitment_id": commitment["id"], "update_id": update["id"], "link_id": link["id"],
           "endpoint_id": endpoint["id"], "delivery_id": delivery["id"],
           "notification_id": notification["id"], "other_activity_id": other["id"]}
    return World(tenant, ids, callers, marker)


@pytest.fixture(scope="module")
def world(gateway_server: RunningService) -> World:
    return build_world(gateway_server.url, Tenant(gateway_server.tenant.settings))


@pytest.fixture(scope="module")
def intruder(gateway_server: RunningService) -> World:
    """Another tenant with a world of its own, whose callers attack the first."""
    return build_world(gateway_server.url, Tenant(gateway_server.tenant.settings))
