"""Tenancy on every route, and roles on every write."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI


async def _everything(api: httpx.AsyncClient, world: Any) -> dict[str, str]:
    """One entity of each kind, made by the partner (its own organization's)."""
    def made(response: httpx.Response) -> str:
        assert response.status_code == 201, response.text
        return str(response.json()["id"])

    activity = made(await api.post(f"{world.base}/activities", headers=world.partner,
                                   json=world.activity()))
    other = made(await api.post(f"{world.base}/activities", headers=world.staff,
                                json=world.activity(title="Other")))
    return {
        "initiative_id": str(world.initiative_id), "activity_id": activity,
        "contributor_id": made(await api.post(
            f"/v1/activities/{activity}/contributors", headers=world.partner,
            json={"organization_id": str(world.org), "role": "implementing"})),
        "commitment_id": made(await api.post(f"{world.base}/commitments",
                                             headers=world.partner,
                                             json={"organization_id": str(world.org),
                                                   "text": "Twenty tutors"})),
        "update_id": made(await api.post(f"/v1/activities/{activity}/updates",
                                         headers=world.partner,
                                         json={"reported_on": "2026-01-05", "text": "Go"})),
        "link_id": made(await api.post(f"/v1/activities/{activity}/links",
                                       headers=world.partner,
                                       json={"to_activity_id": other, "kind": "reinforces"})),
        "geography_id": (await api.get(f"{world.base}/geographies", headers=world.staff)
                         ).json()["items"][0]["id"],
    }


def _routes(app: FastAPI) -> list[tuple[str, str]]:
    """Every operation on a path with an id, from the service's OpenAPI document."""
    return [(method.upper(), path) for path, operations in app.openapi()["paths"].items()
            if "{" in path for method in sorted(operations)]


async def test_another_tenant_gets_404_on_every_route_with_an_id(
    api: httpx.AsyncClient, activities_app: FastAPI, world: Any, other_tenant: Any,
) -> None:
    ids = await _everything(api, world)
    intruder = {**other_tenant.admin, "If-Match": '"1"'}
    bodies = {  # valid bodies: what is refused is the id, not the input
        "/v1/initiatives/{initiative_id}/activities": world.activity(),
        "/v1/initiatives/{initiative_id}/geographies": {"code": "z", "name": "Z"},
        "/v1/initiatives/{initiative_id}/commitments": {"organization_id": str(world.org),
                                                        "text": "Mine"},
        "/v1/activities/{activity_id}/contributors": {"organization_id": str(world.org),
                                                      "role": "funding"},
        "/v1/activities/{activity_id}/updates": {"reported_on": "2026-01-01", "text": "x"},
        "/v1/activities/{activity_id}/links": {"to_activity_id": ids["activity_id"],
                                               "kind": "reinforces"},
    }
    routes = _routes(activities_app)
    assert len(routes) >= 25
    for method, path in routes:
        url = path.format(**ids)
        body = bodies[path] if method == "POST" else {}
        answer = await api.request(method, url, headers=intruder, json=body)
        assert answer.status_code == 404, (method, path, answer.status_code)
        assert answer.headers["content-type"] == "application/problem+json"
        for secret in ids.values():
            assert secret not in answer.text or secret in url


async def test_writes_by_role(api: httpx.AsyncClient, world: Any) -> None:
    """Viewers write nothing; partners only their own organization's data; staff all."""
    ids = await _everything(api, world)
    own = {"If-Match": '"1"'}
    writes: list[tuple[str, str, dict[str, Any]]] = [
        ("PATCH", "/v1/activities/{activity_id}", {"title": "Renamed"}),
        ("PATCH", "/v1/contributors/{contributor_id}", {"staff_hours": 40}),
        ("PATCH", "/v1/commitments/{commitment_id}", {"status": "done"}),
        ("PATCH", "/v1/activity-updates/{update_id}", {"text": "Going well"}),
        ("POST", "/v1/activities/{activity_id}/updates",
         {"reported_on": "2026-02-01", "text": "More"}),
        ("POST", "/v1/activities/{activity_id}/contributors",
         {"organization_id": "{org}", "role": "funding"}),
        ("POST", "/v1/initiatives/{initiative_id}/commitments",
         {"organization_id": "{org}", "text": "Space for tutoring"}),
    ]
    for method, path, body in writes:
        url = path.format(**ids)
        mine = {k: v.format(org=world.org) if isinstance(v, str) else v
                for k, v in body.items()}
        for caller in (world.viewer, world.other_partner):
            refused = await api.request(method, url, headers={**caller, **own}, json=mine)
            assert refused.status_code == 403, (method, path, refused.text)
        allowed = await api.request(method, url, headers={**world.partner, **own}, json=mine)
        assert allowed.status_code in (200, 201), (method, path, allowed.text)
    for path in ("/v1/activity-links/{link_id}", "/v1/activity-updates/{update_id}",
                 "/v1/contributors/{contributor_id}"):
        url = path.format(**ids)
        for caller in (world.viewer, world.other_partner):
            assert (await api.delete(url, headers=caller)).status_code == 403
        assert (await api.delete(url, headers=world.partner)).status_code == 204
    geography = f"/v1/geographies/{ids['geography_id']}"
    assert (await api.patch(geography, headers=world.partner, json={"name": "X"})
            ).status_code == 403
    assert (await api.patch(geography, headers=world.staff, json={"name": "X"})
            ).status_code == 200
    no_role = world.tenant.headers("initiative:00000000-0000-4000-8000-000000000000:backbone")
    assert (await api.get(f"{world.base}/activities", headers=no_role)).status_code == 404
