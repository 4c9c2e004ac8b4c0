from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from agenda.app import SERVICE, create_app
from agenda.config import Settings
from backbone.devstack.infra import Infrastructure, prepare_service
from backbone.testing import MakeEntity, Tenant


@pytest.fixture(scope="session")
async def agenda_app(infra: Infrastructure) -> AsyncIterator[object]:
    await asyncio.to_thread(prepare_service, infra, SERVICE)
    base = infra.settings("agenda", migrate_on_start=False, log_json=False,
                          log_level="WARNING", max_body_bytes=65_536)
    settings = Settings(**base.model_dump())
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        yield app


@pytest.fixture
async def api(agenda_app: object) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=agenda_app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://agenda") as client:
        yield client


@pytest.fixture
def make_initiative(api: httpx.AsyncClient, tenant: Tenant) -> MakeEntity:
    """Create an initiative in the test's tenant (as its network admin)."""

    async def make(**fields: object) -> dict[str, Any]:
        response = await api.post("/v1/initiatives", headers=tenant.admin,
                                  json={"name": "Cradle to Career", **fields})
        assert response.status_code == 201, response.text
        return response.json()

    return make
