"""Schemathesis against the running activities service's OpenAPI, with its default checks."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import Case
from schemathesis.openapi import from_url
from schemathesis.specs.openapi.schemas import OpenApiSchema

from backbone.consistency import HEADER
from backbone.testing import RunningService, Tenant


@pytest.fixture(scope="session")
def activities_schema(activities_server: RunningService) -> OpenApiSchema:
    return from_url(f"{activities_server.url}/openapi.json")


@pytest.fixture(scope="session")
def working(agenda_server: RunningService, activities_server: RunningService,
            partnership: Any) -> Tenant:
    """An initiative with a partner, a strategy, a place and an activity in the fuzzed
    tenant, so generated ids and codes sometimes hit something."""
    tenant = agenda_server.tenant
    with agenda_server.client(tenant.admin) as agenda:
        p = partnership(agenda)
    with activities_server.client(tenant.admin) as api:
        made = api.post(f"{p['base']}/geographies", headers={HEADER: p["token"]},
                        json={"code": "north", "name": "North"})
        assert made.status_code == 201, made.text
        activity = api.post(f"{p['base']}/activities", json={
            "title": "Tutoring", "status": "active", "lead_organization_id": p["org"],
            "strategy_ids": [p["strategy"]], "geographies": ["north"]})
        assert activity.status_code == 201, activity.text
    return tenant


schema = schemathesis.pytest.from_fixture("activities_schema")


@schema.parametrize()
@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_activities_api_conforms_to_its_openapi(case: Case, activities_server: RunningService,
                                                working: Tenant) -> None:
    case.call_and_validate(base_url=activities_server.url, headers=working.admin)
