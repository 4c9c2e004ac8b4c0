"""Bad input gets a clear problem+json 4xx and stores nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from backbone.testing import MakeEntity, Tenant

PROBLEM = "application/problem+json"


async def _assert_nothing_stored(api: httpx.AsyncClient, tenant: Tenant, url: str) -> None:
    assert (await api.get(url, headers=tenant.admin)).json()["items"] == []


@pytest.mark.parametrize(("body", "content_type", "status", "kind"), [
    (b'{"name": "x",', "application/json", 400, "malformed-json"),
    (b'{"name": 42}', "application/json", 422, "validation-failed"),
    (b'{"name": "x", "owner": "me"}', "application/json", 422, "validation-failed"),
    (b'{"name": ""}', "application/json", 422, "validation-failed"),
    (b'{"name": "x", "phase": "finished"}', "application/json", 422, "validation-failed"),
    (b'{"name": "x", "start_date": "2025-02-01", "end_date": "2025-01-01"}',
     "application/json", 422, "validation-failed"),
    (b"[]", "application/json", 422, "validation-failed"),
    (b"name=x", "application/x-www-form-urlencoded", 415, "unsupported-media-type"),
    (b'{"name": "' + b"x" * 70_000 + b'"}', "application/json", 413, "payload-too-large"),
])
async def test_bad_bodies_are_rejected_with_a_problem(
    api: httpx.AsyncClient, tenant: Tenant, body: bytes, content_type: str, status: int,
    kind: str,
) -> None:
    response = await api.post("/v1/initiatives", content=body,
                              headers={**tenant.admin, "Content-Type": content_type})
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["type"] == f"urn:backbone:problem:{kind}"
    assert problem["status"] == status
    assert problem["title"]
    await _assert_nothing_stored(api, tenant, "/v1/initiatives")


async def test_validation_problems_point_at_the_field(api: httpx.AsyncClient,
                                                     tenant: Tenant) -> None:
    response = await api.post("/v1/organizations", headers=tenant.admin,
                              json={"name": "Org", "sector": "aliens", "website": "nope"})
    fields = {tuple(e["loc"]) for e in response.json()["errors"]}
    assert {("body", "sector"), ("body", "website")} <= fields
    await _assert_nothing_stored(api, tenant, "/v1/organizations")


@pytest.mark.parametrize(("url", "status", "kind"), [
    ("/v1/initiatives?cursor=not-a-cursor", 422, "validation-failed"),
    ("/v1/initiatives?cursor=1~abc", 422, "validation-failed"),
    ("/v1/initiatives?limit=0", 422, "validation-failed"),
    ("/v1/initiatives?limit=100000", 422, "validation-failed"),
    ("/v1/initiatives?updated_since=yesterday", 422, "validation-failed"),
    ("/v1/initiatives?updated_since=2025-01-01T00:00:00", 422, "validation-failed"),
    ("/v1/initiatives/not-a-uuid", 422, "validation-failed"),
    ("/v1/goals/12345", 422, "validation-failed"),
    ("/v1/nowhere", 404, "not-found"),
    ("/v1/organizations?q=%00", 422, "validation-failed"),
    ("/v1/organizations?q=a%00b&sector=health", 422, "validation-failed"),
    ("/v1/organizations/by-external-id/crm/S%00-1", 422, "validation-failed"),
    ("/v1/organizations/by-external-id/c%00rm/S-1", 422, "validation-failed"),
    ("/v1/initiatives?updated_since=9999-12-31T23:59:59-23:59", 422, "validation-failed"),
    ("/v1/initiatives?updated_since=0001-01-01T00:00:00%2B14:00", 422, "validation-failed"),
    ("/v1/organizations?updated_since=9999-12-31T23:59:59-23:59", 422, "validation-failed"),
])
async def test_bad_queries_and_ids_get_problems(api: httpx.AsyncClient, tenant: Tenant,
                                                url: str, status: int, kind: str) -> None:
    response = await api.get(url, headers=tenant.admin)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["type"] == f"urn:backbone:problem:{kind}"


async def test_a_nul_in_the_query_says_which_parameter(api: httpx.AsyncClient,
                                                       tenant: Tenant) -> None:
    response = await api.get("/v1/organizations?sector=health&q=%00", headers=tenant.admin)
    assert response.json()["errors"][0]["loc"] == ["query", "q"]
    # The connection stays usable: the next request on it is answered.
    assert (await api.get("/v1/organizations", headers=tenant.admin)).status_code == 200


async def test_an_oversize_chunked_body_is_413(api: httpx.AsyncClient, tenant: Tenant) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"name": "'
        for _ in range(20):
            yield b"x" * 64_000
        yield b'"}'

    response = await api.post("/v1/initiatives", content=chunks(),
                              headers={**tenant.admin, "Content-Type": "application/json"})
    assert response.status_code == 413, response.text
    assert response.json()["type"] == "urn:backbone:problem:payload-too-large"
    await _assert_nothing_stored(api, tenant, "/v1/initiatives")


async def test_bad_patch_changes_nothing(api: httpx.AsyncClient, tenant: Tenant,
                                         make_initiative: MakeEntity) -> None:
    initiative = await make_initiative(start_date="2025-01-01")
    url = f"/v1/initiatives/{initiative['id']}"
    for body in ({"name": None}, {"end_date": "2024-01-01"}, {"status": "gone"},
                 {"agenda_revision": 99}):
        response = await api.patch(url, headers=tenant.admin, json=body)
        assert response.status_code == 422, (body, response.text)
    after = (await api.get(url, headers=tenant.admin)).json()
    assert after == initiative


async def test_numbers_are_numbers(api: httpx.AsyncClient, tenant: Tenant,
                                   make_initiative: MakeEntity) -> None:
    """JSON true, "3" or 2.5 is not an integer position or vote count (no coercion)."""
    initiative = await make_initiative()
    goals = f"/v1/initiatives/{initiative['id']}/goals"
    for position in (True, "3", 2.5):
        refused = await api.post(goals, headers=tenant.admin,
                                 json={"title": "Readers", "position": position})
        assert refused.status_code == 422, (position, refused.text)
        assert refused.json()["errors"][0]["loc"] == ["body", "position"]
    decided = await api.post(f"/v1/initiatives/{initiative['id']}/decisions",
                             headers=tenant.admin, json={
                                 "title": "Vote", "method": "vote", "decided_on": "2026-01-05",
                                 "votes": {"in_favour": False}})
    assert decided.status_code == 422, decided.text
    await _assert_nothing_stored(api, tenant, goals)
