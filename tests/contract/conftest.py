from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from activities.app import SERVICE as ACTIVITIES
from agenda.app import SERVICE as AGENDA
from backbone.consistency import HEADER
from backbone.devstack.infra import Infrastructure, prepare_service
from backbone.devstack.ports import free_port
from backbone.devstack.processes import GatewayProcess, ServiceProcess
from backbone.service import ServiceSpec
from backbone.testing import Network, RunningService, Tenant
from measurement.app import SERVICE as MEASUREMENT
from notifications.app import SERVICE as NOTIFICATIONS

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
    yield from _serve(infra, AGENDA)


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
    for running in _serve(infra, NOTIFICATIONS, "backbone_notifications_contract",
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
    returns their ids, the initiative's base path and the strategy's consistency token."""

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
        return {"base": base, "initiative": initiative["id"], "org": org.json()["id"],
                "goal": goal["id"], "strategy": strategy.json()["id"],
                "token": strategy.headers[HEADER]}

    return make
