"""Schemathesis against the running notifications service's OpenAPI, with its default
checks."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import Case
from schemathesis.openapi import from_url
from schemathesis.specs.openapi.schemas import OpenApiSchema

from backbone.testing import RunningService, Tenant


@pytest.fixture(scope="session")
def notifications_schema(notifications_server: RunningService) -> OpenApiSchema:
    return from_url(f"{notifications_server.url}/openapi.json")


@pytest.fixture(scope="session")
def endpoints(notifications_server: RunningService) -> Tenant:
    """An endpoint in the fuzzed tenant, so generated ids sometimes hit something."""
    with notifications_server.client() as api:
        made = api.post("/v1/webhook-endpoints", json={"url": "http://127.0.0.1:9/hooks"})
        assert made.status_code == 201, made.text
    return notifications_server.tenant


schema = schemathesis.pytest.from_fixture("notifications_schema")


@schema.parametrize()
@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_notifications_api_conforms_to_its_openapi(
    case: Case, notifications_server: RunningService, endpoints: Tenant,
) -> None:
    case.call_and_validate(base_url=notifications_server.url, headers=endpoints.admin)
