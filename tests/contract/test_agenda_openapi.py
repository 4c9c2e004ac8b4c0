"""Schemathesis against the running agenda service's OpenAPI, with its default checks."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import Case
from schemathesis.openapi import from_url
from schemathesis.specs.openapi.schemas import OpenApiSchema

from backbone.testing import RunningService, Tenant


@pytest.fixture(scope="session")
def agenda_schema(agenda_server: RunningService) -> OpenApiSchema:
    return from_url(f"{agenda_server.url}/openapi.json")


@pytest.fixture(scope="session")
def seeded(agenda_server: RunningService) -> Tenant:
    """Some real data in the fuzzed tenant, so generated ids sometimes hit something."""
    tenant = agenda_server.tenant
    with agenda_server.client() as api:
        initiative = api.post("/v1/initiatives", json={"name": "Fuzzed"}).json()
        api.post(f"/v1/initiatives/{initiative['id']}/goals", json={"title": "G"})
    return tenant


schema = schemathesis.pytest.from_fixture("agenda_schema")


@schema.parametrize()
@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_agenda_api_conforms_to_its_openapi(case: Case, agenda_server: RunningService,
                                            seeded: Tenant) -> None:
    case.call_and_validate(base_url=agenda_server.url, headers=seeded.admin)
