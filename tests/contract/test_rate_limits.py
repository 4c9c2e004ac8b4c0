"""A rate limit holds across replicas: two processes of one service on one database share
the caller's counts (``BACKBONE_RATE_LIMIT_STORE=database``)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from agenda.app import SERVICE as AGENDA
from backbone.devstack.infra import Infrastructure
from backbone.devstack.processes import ServiceProcess, replicas_of
from backbone.testing import Tenant, wait_for_a_fresh_window

DATABASE = "backbone_agenda_rate_limits"


@pytest.fixture(scope="module")
def replicas(infra: Infrastructure) -> Iterator[list[ServiceProcess]]:
    with replicas_of(infra, AGENDA, DATABASE, BACKBONE_RATE_LIMIT_STORE="database",
                     BACKBONE_RATE_LIMIT_WRITES_PER_MINUTE="4",
                     BACKBONE_CONSUMER_GROUP="agenda-rate-limits",
                     BACKBONE_RUN_RELAY="false") as processes:
        yield processes


def test_two_replicas_share_one_callers_limit(replicas: list[ServiceProcess],
                                              infra: Infrastructure) -> None:
    tenant = Tenant(infra.settings("agenda"))
    admin = tenant.admin
    time.sleep(wait_for_a_fresh_window())
    answers = []
    for n in range(5):  # alternately to each replica: 4 allowed in all, not 4 each
        process = replicas[n % 2]
        answers.append(httpx.post(f"{process.url}/v1/initiatives", headers=admin,
                                  json={"name": f"Replica {n}"}, timeout=30))
    assert [a.status_code for a in answers] == [201, 201, 201, 201, 429]
    assert answers[-1].headers["ratelimit"].startswith('"writes";r=0;')
    assert int(answers[-1].headers["retry-after"]) >= 1
    other = {"Authorization": f"Bearer {tenant.token('network:admin', sub='someone-else')}"}
    assert httpx.post(f"{replicas[1].url}/v1/initiatives", headers=other, timeout=30,
                      json={"name": "Not counted with the others"}).status_code == 201
