from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from backbone.devstack.infra import Infrastructure
from backbone.events.consumer import EventConsumer
from backbone.readmodels.agenda.feed import AgendaFeed
from backbone.testing import Tenant, client, service_app
from measurement.app import SERVICE, create_app
from measurement.config import Settings
from measurement.service.agenda_events import SUBSCRIPTIONS


@pytest.fixture(scope="session")
async def measurement_app(infra: Infrastructure) -> AsyncIterator[FastAPI]:
    async with service_app(infra, SERVICE, create_app, Settings) as app:
        yield app


@pytest.fixture
async def api(measurement_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with client(measurement_app, "measurement") as api:
        yield api


@pytest.fixture
def agenda(measurement_app: FastAPI) -> AgendaFeed:
    """Announces initiatives and goals as agenda would, through measurement's consumer."""
    return AgendaFeed(EventConsumer(measurement_app.state.settings,
                                    measurement_app.state.sessionmaker, SUBSCRIPTIONS))


@dataclass
class Setup:
    """An initiative with a race dimension and one indicator, as its backbone staff made it."""

    tenant: Tenant
    initiative_id: uuid.UUID
    dimension: dict[str, Any]
    indicator: dict[str, Any]

    @property
    def staff(self) -> dict[str, str]:
        return self.tenant.headers(f"initiative:{self.initiative_id}:backbone")

    def partner(self, org: uuid.UUID) -> dict[str, str]:
        return self.tenant.headers(f"initiative:{self.initiative_id}:partner", org=org)

    @property
    def viewer(self) -> dict[str, str]:
        return self.tenant.headers(f"initiative:{self.initiative_id}:viewer")

    async def approved(self, api: httpx.AsyncClient, rows: list[dict[str, Any]]) -> None:
        """Record a batch as backbone staff, and approve every row of it."""
        result = await api.post(f"/v1/initiatives/{self.initiative_id}/observations/batch",
                                headers=self.staff, json={"rows": rows})
        assert result.status_code == 200, result.text
        for row in result.json()["results"]:
            review = await api.post(f"/v1/observations/{row['observation_id']}/review",
                                    headers=self.staff, json={"decision": "approve"})
            assert review.status_code == 200, review.text


RACE = {"code": "race", "name": "Race/ethnicity", "options": [
    {"code": "asian", "label": "Asian"}, {"code": "black", "label": "Black"},
    {"code": "latino", "label": "Latino"}, {"code": "white", "label": "White"}]}


async def _make_setup(api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant,
                      **indicator: Any) -> Setup:
    initiative_id = await agenda.initiative(tenant.name)
    headers = tenant.headers(f"initiative:{initiative_id}:backbone")
    dim = await api.post(f"/v1/initiatives/{initiative_id}/dimensions", headers=headers,
                         json=RACE)
    assert dim.status_code == 201, dim.text
    body = {"code": "ready", "name": "Kindergarten readiness", "unit": "percent",
            "direction": "increase", "frequency": "annual", "status": "active",
            "dimension_ids": [dim.json()["id"]], **indicator}
    ind = await api.post(f"/v1/initiatives/{initiative_id}/indicators", headers=headers,
                         json=body)
    assert ind.status_code == 201, ind.text
    return Setup(tenant, initiative_id, dim.json(), ind.json())


MakeSetup = Callable[..., Awaitable[Setup]]


@pytest.fixture
def make_setup(api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant) -> MakeSetup:
    """Make a Setup; keyword arguments override the indicator's fields."""

    async def make(**indicator: Any) -> Setup:
        return await _make_setup(api, agenda, tenant, **indicator)

    return make


@pytest.fixture
async def setup(make_setup: MakeSetup) -> Setup:
    return await make_setup()
