"""Tenant isolation on every route, and role checks on every write."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from backbone.testing import MakeEntity, Tenant


async def _populate(api: httpx.AsyncClient, tenant: Tenant) -> dict[str, Any]:
    """One of each entity in the tenant; returns the ids by path parameter name."""
    h = tenant.admin
    initiative = (await api.post("/v1/initiatives", headers=h, json={"name": "Secret"})).json()
    base = f"/v1/initiatives/{initiative['id']}"
    org = (await api.post("/v1/organizations", headers=h, json={
        "name": "Secret Org", "sector": "business", "external_ids": {"crm": "S-1"}})).json()
    participant = (await api.post(f"{base}/participants", headers=h, json={
        "kind": "organization", "organization_id": org["id"], "roles": ["partner"]})).json()
    goal = (await api.post(f"{base}/goals", headers=h, json={"title": "Secret goal"})).json()
    strategy = (await api.post(f"/v1/goals/{goal['id']}/strategies", headers=h,
                               json={"title": "Secret strategy"})).json()
    group = (await api.post(f"{base}/working-groups", headers=h, json={"name": "WG"})).json()
    decision = (await api.post(f"{base}/decisions", headers=h, json={
        "title": "D", "method": "consensus", "decided_on": "2025-01-01"})).json()
    return {"initiative_id": initiative["id"], "organization_id": org["id"],
            "participant_id": participant["id"], "goal_id": goal["id"],
            "strategy_id": strategy["id"], "working_group_id": group["id"],
            "decision_id": decision["id"], "number": 1, "system": "crm", "external_id": "S-1"}


BODIES: dict[str, dict[str, Any]] = {
    "/v1/initiatives": {"name": "X"},
    "/v1/organizations": {"name": "X", "sector": "other"},
    "/v1/initiatives/{initiative_id}/participants": {"kind": "community_member",
                                                     "display_name": "X", "roles": ["partner"]},
    "/v1/initiatives/{initiative_id}/goals": {"title": "X"},
    "/v1/goals/{goal_id}/strategies": {"title": "X"},
    "/v1/initiatives/{initiative_id}/working-groups": {"name": "X"},
    "/v1/initiatives/{initiative_id}/decisions": {"title": "X", "method": "consensus",
                                                  "decided_on": "2025-01-01"},
    "/v1/organizations/by-external-id/{system}/{external_id}": {"name": "X", "sector": "other"},
}
PATCHES: dict[str, dict[str, Any]] = {"initiative": {"name": "X"}, "organization": {"name": "X"},
           "participant": {"commitment_statement": "X"}, "goal": {"title": "X"},
           "strategy": {"title": "X"}, "working-group": {"name": "X"}, "decision": {"title": "X"}}


def _routes(app: Any) -> list[tuple[str, str]]:
    spec = app.openapi()
    return [(method.upper(), path) for path, ops in spec["paths"].items() for method in ops
            if "{" in path]


def _body(method: str, path: str) -> dict[str, Any] | None:
    if method == "POST" or method == "PUT":
        return BODIES[path]
    if method == "PATCH":
        return next(v for k, v in PATCHES.items() if f"/{k}s/" in path or f"/{k}ies/" in path
                    or path.startswith(f"/v1/{k.replace('y', 'ie')}s/"))
    return None


async def test_another_tenants_ids_are_404_on_every_route_and_nothing_changes(
    api: httpx.AsyncClient, agenda_app: Any, tenant: Tenant, other_tenant: Tenant
) -> None:
    ids = await _populate(api, tenant)
    before = {k: (await api.get(f"/v1/{k}/{ids[k[:-1] + '_id']}", headers=tenant.admin)).json()
              for k in ("initiatives", "organizations", "goals")}
    checked = 0
    for method, path in _routes(agenda_app):
        if path.startswith("/v1/organizations/by-external-id") and method == "PUT":
            continue  # an upsert in another tenant creates that tenant's own record
        url = path.format(**ids)
        response = await api.request(method, url, headers=other_tenant.admin,
                                     json=_body(method, path))
        assert response.status_code == 404, (method, path, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert "Secret" not in response.text
        checked += 1
    assert checked >= 20
    after = {k: (await api.get(f"/v1/{k}/{ids[k[:-1] + '_id']}", headers=tenant.admin)).json()
             for k in ("initiatives", "organizations", "goals")}
    assert after == before
    mine = await api.put("/v1/organizations/by-external-id/crm/S-1", headers=other_tenant.admin,
                         json={"name": "Mine", "sector": "other"})
    assert mine.status_code == 201
    assert mine.json()["id"] != ids["organization_id"]


async def test_references_are_checked_only_after_access(
    api: httpx.AsyncClient, tenant: Tenant, other_tenant: Tenant
) -> None:
    """The same answer for a real foreign id and a random one: no reference oracle."""
    ids = await _populate(api, tenant)
    base = f"/v1/initiatives/{ids['initiative_id']}"
    viewer = tenant.headers(f"initiative:{ids['initiative_id']}:viewer")
    for goal_id in (ids["goal_id"], str(uuid.uuid4())):
        for path, body in (("working-groups", {"name": "W", "goal_ids": [goal_id]}),
                           ("decisions", {"title": "D", "method": "consensus",
                                          "decided_on": "2025-01-01",
                                          "participant_ids": [goal_id]})):
            foreign = await api.post(f"{base}/{path}", headers=other_tenant.admin, json=body)
            assert foreign.status_code == 404, foreign.text
            assert foreign.json()["detail"] == "initiative not found"
            denied = await api.post(f"{base}/{path}", headers=viewer, json=body)
            assert denied.status_code == 403, denied.text
        patch = await api.patch(f"/v1/working-groups/{ids['working_group_id']}",
                                headers=viewer, json={"goal_ids": [goal_id]})
        assert patch.status_code == 403, patch.text


async def test_lists_only_show_the_callers_tenant(api: httpx.AsyncClient, tenant: Tenant,
                                                  other_tenant: Tenant) -> None:
    await _populate(api, tenant)
    for url in ("/v1/initiatives", "/v1/organizations"):
        listed = await api.get(url, headers=other_tenant.admin)
        assert listed.json()["items"] == []


@pytest.mark.parametrize("role", ["viewer", "partner"])
async def test_viewers_and_partners_cannot_manage_the_agenda(
    api: httpx.AsyncClient, tenant: Tenant, role: str
) -> None:
    ids = await _populate(api, tenant)
    headers = tenant.headers(f"initiative:{ids['initiative_id']}:{role}")
    readable = await api.get(f"/v1/goals/{ids['goal_id']}", headers=headers)
    assert readable.status_code == 200
    writes = [
        ("POST", "/v1/initiatives/{initiative_id}/goals"),
        ("POST", "/v1/goals/{goal_id}/strategies"),
        ("POST", "/v1/initiatives/{initiative_id}/participants"),
        ("POST", "/v1/initiatives/{initiative_id}/working-groups"),
        ("POST", "/v1/initiatives/{initiative_id}/decisions"),
        ("POST", "/v1/initiatives"),
        ("POST", "/v1/organizations"),
        ("PATCH", "/v1/initiatives/{initiative_id}"),
        ("PATCH", "/v1/goals/{goal_id}"),
        ("PATCH", "/v1/strategies/{strategy_id}"),
        ("PATCH", "/v1/working-groups/{working_group_id}"),
        ("PATCH", "/v1/decisions/{decision_id}"),
        ("PATCH", "/v1/organizations/{organization_id}"),
        ("DELETE", "/v1/goals/{goal_id}"),
        ("DELETE", "/v1/strategies/{strategy_id}"),
        ("DELETE", "/v1/working-groups/{working_group_id}"),
        ("DELETE", "/v1/decisions/{decision_id}"),
        ("DELETE", "/v1/participants/{participant_id}"),
    ]
    for method, path in writes:
        response = await api.request(method, path.format(**ids), headers=headers,
                                     json=_body(method, path))
        assert response.status_code == 403, (method, path, response.text)
    goal = (await api.get(f"/v1/goals/{ids['goal_id']}", headers=headers)).json()
    assert goal["title"] == "Secret goal"


async def test_a_caller_without_a_role_in_the_initiative_sees_nothing(
    api: httpx.AsyncClient, tenant: Tenant
) -> None:
    ids = await _populate(api, tenant)
    stranger = tenant.headers(f"initiative:{uuid.uuid4()}:backbone")
    assert (await api.get(f"/v1/goals/{ids['goal_id']}", headers=stranger)).status_code == 404
    listed = (await api.get("/v1/initiatives", headers=stranger)).json()["items"]
    assert listed == []


async def test_backbone_staff_manage_their_initiative_only(
    api: httpx.AsyncClient, tenant: Tenant, make_initiative: MakeEntity
) -> None:
    mine, theirs = await make_initiative(name="Mine"), await make_initiative(name="Theirs")
    staff = tenant.headers(f"initiative:{mine['id']}:backbone")
    ok = await api.post(f"/v1/initiatives/{mine['id']}/goals", headers=staff, json={"title": "G"})
    assert ok.status_code == 201
    other = await api.post(f"/v1/initiatives/{theirs['id']}/goals", headers=staff,
                           json={"title": "G"})
    assert other.status_code == 404


async def test_partners_manage_their_own_participation_but_not_roles(
    api: httpx.AsyncClient, tenant: Tenant
) -> None:
    ids = await _populate(api, tenant)
    partner = tenant.headers(f"initiative:{ids['initiative_id']}:partner",
                             org=uuid.UUID(ids["organization_id"]))
    url = f"/v1/participants/{ids['participant_id']}"
    own = await api.patch(url, headers=partner, json={"commitment_statement": "We will host"})
    assert own.status_code == 200
    assert own.json()["commitment_statement"] == "We will host"
    promote = await api.patch(url, headers=partner, json={"roles": ["backbone"]})
    assert promote.status_code == 403
    edit_org = await api.patch(f"/v1/organizations/{ids['organization_id']}", headers=partner,
                               json={"website": "https://example.org"})
    assert edit_org.status_code == 200
    someone_else = tenant.headers(f"initiative:{ids['initiative_id']}:partner",
                                  org=uuid.uuid4())
    denied = await api.patch(url, headers=someone_else, json={"commitment_statement": "X"})
    assert denied.status_code == 403
    assert (await api.get(url, headers=tenant.admin)).json()["roles"] == ["partner"]


async def test_an_org_claim_alone_does_not_open_the_directory_entry(
    api: httpx.AsyncClient, tenant: Tenant, make_initiative: MakeEntity
) -> None:
    ids = await _populate(api, tenant)
    org = uuid.UUID(ids["organization_id"])
    url = f"/v1/organizations/{org}"
    elsewhere = await make_initiative(name="Not theirs")
    current = await api.get(url, headers=tenant.admin)
    for headers in (
        tenant.headers(f"initiative:{ids['initiative_id']}:viewer", org=org),
        tenant.headers(org=org),  # no roles at all
        tenant.headers(f"initiative:{elsewhere['id']}:partner", org=org),  # not taking part
    ):
        patch = await api.patch(url, headers=headers, json={"website": "https://x.example"})
        assert patch.status_code == 403, patch.text
        # Access comes before If-Match: a stale one still gives 403, and no ETag.
        stale = await api.patch(url, headers={**headers, "If-Match": '"999"'},
                                json={"website": "https://x.example"})
        assert stale.status_code == 403
        assert "etag" not in stale.headers
        put = await api.put("/v1/organizations/by-external-id/crm/S-1", headers=headers,
                            json={"name": "Taken over", "sector": "other"})
        assert put.status_code == 403
    after = await api.get(url, headers=tenant.admin)
    assert after.json() == current.json()


@pytest.mark.parametrize("authorization", [
    None, "Bearer not-a-jwt", "Basic dXNlcjpwYXNz",
])
async def test_missing_or_invalid_tokens_are_401(api: httpx.AsyncClient,
                                                 authorization: str | None) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    response = await api.get("/v1/initiatives", headers=headers)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
