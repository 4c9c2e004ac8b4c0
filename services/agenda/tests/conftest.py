from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from agenda.app import SERVICE, create_app
from agenda.config import Settings
from backbone.devstack.infra import Infrastructure
from backbone.testing import MakeEntity, Tenant, client, service_app


@pytest.fixture(scope="session")
async def agenda_app(infra: Infrastructure) -> AsyncIterator[FastAPI]:
    async with service_app(infra, SERVICE, create_app, Settings, max_body_bytes=65_536) as app:
        yield app


@pytest.fixture
async def api(agenda_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with client(agenda_app, "agenda") as api:
        yield api


@pytest.fixture
def make_initiative(api: httpx.AsyncClient, tenant: Tenant) -> MakeEntity:
    """Create an initiative in the test's tenant (as its network admin)."""

    async def make(**fields: object) -> dict[str, Any]:
        response = await api.post("/v1/initiatives", headers=tenant.admin,
                                  json={"name": "Cradle to Career", **fields})
        assert response.status_code == 201, response.text
        return response.json()

    return make
