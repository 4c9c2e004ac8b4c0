"""Schemathesis against the running measurement service's OpenAPI, with its default checks."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import Case
from schemathesis.openapi import from_url
from schemathesis.specs.openapi.schemas import OpenApiSchema

from backbone.testing import Network, RunningService, Tenant


@pytest.fixture(scope="session")
def measurement_schema(measurement_server: RunningService) -> OpenApiSchema:
    return from_url(f"{measurement_server.url}/openapi.json")


@pytest.fixture(scope="session")
def measured(measurement_server: RunningService, network: Network) -> Tenant:
    """Real data in the fuzzed tenant, so generated ids and codes sometimes hit something."""
    tenant = measurement_server.tenant
    with measurement_server.client(tenant.admin) as api:
        base = f"/v1/initiatives/{network.initiative_id}"
        dim = api.post(f"{base}/dimensions", headers=network.consistent, json={
            "code": "gender", "name": "Gender", "options": [
                {"code": "female", "label": "Female"}, {"code": "male", "label": "Male"}]}).json()
        ind = api.post(f"{base}/indicators", json={
            "code": "reads", "name": "Reading by grade 3", "unit": "percent",
            "direction": "increase", "frequency": "annual", "dimension_ids": [dim["id"]]})
        assert ind.status_code == 201, ind.text
        api.post(f"/v1/indicators/{ind.json()['id']}/observations", json={
            "period": "2025", "numerator": 5, "denominator": 10,
            "disaggregation": {"gender": "female"}})
    return tenant


schema = schemathesis.pytest.from_fixture("measurement_schema")


@schema.parametrize()
@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_measurement_api_conforms_to_its_openapi(case: Case, measurement_server: RunningService,
                                                 measured: Tenant) -> None:
    case.call_and_validate(base_url=measurement_server.url, headers=measured.admin)
