from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from activities.app import SERVICE, create_app
from activities.config import Settings
from activities.service.upstream import SUBSCRIPTIONS
from backbone.devstack.infra import Infrastructure
from backbone.events.consumer import EventConsumer
from backbone.readmodels.agenda.feed import AgendaFeed
from backbone.readmodels.measurement.feed import MeasurementFeed
from backbone.testing import Tenant, client, every_tenant, service_app


@pytest.fixture(scope="session")
async def activities_app(infra: Infrastructure) -> AsyncIterator[FastAPI]:
    async with service_app(infra, SERVICE, create_app, Settings,
                           commitment_check_interval_s=0.2) as app:
        yield app


@pytest.fixture
async def api(activities_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with client(activities_app, "activities") as api:
        yield api


def _consumer(app: FastAPI) -> EventConsumer:
    return EventConsumer(app.state.settings, app.state.sessionmaker, SUBSCRIPTIONS)


@pytest.fixture
def agenda(activities_app: FastAPI) -> AgendaFeed:
    """Announces agenda's entities as agenda would, through this service's consumer."""
    return AgendaFeed(_consumer(activities_app))


@pytest.fixture
def measurement(activities_app: FastAPI) -> MeasurementFeed:
    """Announces measurement's definitions and figures, through this service's consumer."""
    return MeasurementFeed(_consumer(activities_app))


@dataclass
class World:
    """An initiative as agenda and measurement announced it: two partner organizations, a
    funder that is not a participant, a goal with a strategy, a race dimension and an
    indicator; and tokens for its callers."""

    tenant: Tenant
    initiative_id: uuid.UUID
    org: uuid.UUID
    other_org: uuid.UUID
    funder: uuid.UUID
    goal_id: uuid.UUID
    strategy_id: uuid.UUID
    dimension_id: uuid.UUID
    indicator_id: uuid.UUID
    geographies: list[str] = field(default_factory=list)

    @property
    def base(self) -> str:
        return f"/v1/initiatives/{self.initiative_id}"

    @property
    def staff(self) -> dict[str, str]:
        return self.tenant.headers(f"initiative:{self.initiative_id}:backbone")

    @property
    def partner(self) -> dict[str, str]:
        return self.tenant.headers(f"initiative:{self.initiative_id}:partner", org=self.org)

    @property
    def other_partner(self) -> dict[str, str]:
        return self.tenant.headers(f"initiative:{self.initiative_id}:partner",
                                   org=self.other_org)

    @property
    def viewer(self) -> dict[str, str]:
        return self.tenant.headers(f"initiative:{self.initiative_id}:viewer")

    def activity(self, **fields: Any) -> dict[str, Any]:
        """A valid activity body led by ``org`` (fields override)."""
        return {"title": "Reading tutors", "lead_organization_id": str(self.org),
                "status": "active", "strategy_ids": [str(self.strategy_id)], **fields}


async def _make_world(api: httpx.AsyncClient, agenda: AgendaFeed, measurement: MeasurementFeed,
                     tenant: Tenant) -> World:
    initiative = await agenda.initiative(tenant.name)
    orgs = [uuid.uuid4() for _ in range(3)]
    for org, name in zip(orgs, ("Northside Family Center", "Riverside Library",
                                "Riverside Community Foundation"), strict=True):
        await agenda.organization(tenant.name, org, name)
    for org in orgs[:2]:
        await agenda.participant(tenant.name, initiative, org)
    goal = await agenda.goal(tenant.name, initiative)
    strategy = await agenda.strategy(tenant.name, initiative, goal)
    race = await measurement.dimension(tenant.name, initiative, "race",
                                       ["black", "latino", "white"], retired=["other"])
    indicator = await measurement.indicator(tenant.name, initiative, "reading", [race], [goal])
    world = World(tenant, initiative, orgs[0], orgs[1], orgs[2], goal, strategy, race,
                  indicator)
    for code, parent in (("city", None), ("north", "city"), ("south", "city"),
                         ("n1", "north"), ("n2", "north"), ("s1", "south")):
        made = await api.post(f"{world.base}/geographies", headers=world.staff,
                              json={"code": code, "name": code.title(), "parent": parent})
        assert made.status_code == 201, made.text
        world.geographies.append(code)
    return world


@pytest.fixture
async def world(api: httpx.AsyncClient, agenda: AgendaFeed, measurement: MeasurementFeed,
                tenant: Tenant) -> World:
    return await _make_world(api, agenda, measurement, tenant)


MakeWorld = Callable[..., Awaitable[World]]


@pytest.fixture
def make_world(api: httpx.AsyncClient, agenda: AgendaFeed, measurement: MeasurementFeed,
                tenant: Tenant) -> MakeWorld:
    """Another world: in the test's tenant, or in the one given."""

    async def make(in_tenant: Tenant | None = None) -> World:
        return await _make_world(api, agenda, measurement, in_tenant or tenant)

    return make


Events = Callable[[str | uuid.UUID], Awaitable[list[tuple[str, dict[str, Any]]]]]


@pytest.fixture
def events(activities_app: FastAPI) -> Events:
    """(type without its prefix, payload) of the events written about a subject, in order."""

    async def written(subject: str | uuid.UUID) -> list[tuple[str, dict[str, Any]]]:
        async with every_tenant(activities_app)() as session:
            rows = await session.execute(text(
                "SELECT type, payload FROM outbox WHERE subject = :subject ORDER BY seq"),
                {"subject": str(subject)})
            return [(t.removeprefix("org.backbone.activities."), p) for t, p in rows]

    return written
