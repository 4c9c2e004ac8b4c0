"""Two processes of one service on one database and one broker, as two Kubernetes replicas
run: both take writes, one relay leads, and when the leading process dies (SIGKILL, no
shutdown) the other's relay takes over; every write's event is published, once after
deduplication by event id."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import asyncpg
import httpx
import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from agenda.app import SERVICE as AGENDA
from backbone.devstack.infra import Infrastructure
from backbone.devstack.processes import ServiceProcess, replicas_of
from backbone.events.relay import LEADER, RELAY_LOCK_KEY
from backbone.events.watermark import read_watermark
from backbone.testing import Tenant

DATABASE = "backbone_agenda_scale_out"
TOPIC = "backbone.agenda.v1"


@pytest.fixture
def replicas(infra: Infrastructure) -> Iterator[list[ServiceProcess]]:
    with replicas_of(infra, AGENDA, DATABASE,
                     BACKBONE_CONSUMER_GROUP=f"agenda-{DATABASE}") as processes:
        yield processes


def test_the_other_replica_takes_over_the_relay_and_no_event_is_lost(
    infra: Infrastructure, replicas: list[ServiceProcess]
) -> None:
    settings = infra.settings("agenda", database_name=DATABASE)
    tenant = Tenant(settings)
    start = asyncio.run(read_watermark(settings, TOPIC))
    made = [_organization(replicas[n % 2], tenant, f"Before {n}") for n in range(20)]

    leader = _leader(settings.asyncpg_dsn, replicas)
    survivor = next(p for p in replicas if p is not leader)
    leader.kill()
    made += [_organization(survivor, tenant, f"After {n}") for n in range(20)]
    assert _leader(settings.asyncpg_dsn, [survivor]) is survivor

    events = asyncio.run(_created(settings.kafka_bootstrap_servers, start.offsets, tenant.name,
                                  set(made)))
    assert sorted(subject for subject, _ in events.values()) == sorted(made)


def _organization(process: ServiceProcess, tenant: Tenant, name: str) -> str:
    answer = httpx.post(f"{process.url}/v1/organizations", headers=tenant.admin,
                        json={"name": name, "sector": "education"}, timeout=30)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


def _leader(dsn: str, among: list[ServiceProcess], timeout_s: float = 60) -> ServiceProcess:
    """The process whose relay holds the lock (its connection named by ``relay_name``),
    once one of ``among`` does."""

    async def holder() -> str:
        conn = await asyncpg.connect(dsn)
        try:
            return str(await conn.fetchval(LEADER, RELAY_LOCK_KEY) or "")
        finally:
            await conn.close()

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        name = asyncio.run(holder())
        found = [p for p in among if name.endswith(f":{p.pid}")]
        if found:
            return found[0]
        time.sleep(0.1)
    raise TimeoutError(f"no relay of processes {[p.pid for p in among]} leads")


async def _created(bootstrap: str, start: dict[int, int], tenant: str, wanted: set[str],
                   timeout_s: float = 60) -> dict[str, tuple[str, str]]:
    """From ``start`` on, the tenant's ``organization.created`` events by event id (a
    re-sent event has its id again), until every one of ``wanted`` was seen."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    events: dict[str, tuple[str, str]] = {}
    try:
        consumer.assign([TopicPartition(TOPIC, p) for p in start])
        for partition, offset in start.items():
            consumer.seek(TopicPartition(TOPIC, partition), offset)
        deadline = asyncio.get_running_loop().time() + timeout_s
        while {s for s, _ in events.values()} < wanted:
            assert asyncio.get_running_loop().time() < deadline, "events missing"
            for records in (await consumer.getmany(timeout_ms=500)).values():
                for record in records:
                    headers = {k: v.decode() for k, v in record.headers}
                    if headers.get("ce_tenant") == tenant and headers["ce_type"].endswith(
                            ".organization.created"):
                        seen = events.setdefault(headers["ce_id"], (
                            headers["ce_subject"], record.value.decode()))
                        assert seen[1] == record.value.decode()  # a re-send is the same
    finally:
        await consumer.stop()
    return events
