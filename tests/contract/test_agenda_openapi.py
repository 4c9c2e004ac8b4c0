"""Schemathesis against the running agenda service's OpenAPI, with its default checks."""

from __future__ import annotations

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.openapi import from_url

from backbone.testing import Tenant


@pytest.fixture(scope="session")
def agenda_schema(agenda_server):  # type: ignore[no-untyped-def]
    return from_url(f"{agenda_server.url}/openapi.json")


@pytest.fixture(scope="session")
def seeded(agenda_server):  # type: ignore[no-untyped-def]
    """Some real data in the fuzzed tenant, so generated ids sometimes hit something."""
    tenant: Tenant = agenda_server.tenant
    with httpx.Client(base_url=agenda_server.url, headers=tenant.admin) as api:
        initiative = api.post("/v1/initiatives", json={"name": "Fuzzed"}).json()
        api.post(f"/v1/initiatives/{initiative['id']}/goals", json={"title": "G"})
    return tenant


schema = schemathesis.pytest.from_fixture("agenda_schema")


@schema.parametrize()
@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_agenda_api_conforms_to_its_openapi(case, agenda_server, seeded) -> None:  # type: ignore[no-untyped-def]
    case.call_and_validate(base_url=agenda_server.url, headers=seeded.admin)
