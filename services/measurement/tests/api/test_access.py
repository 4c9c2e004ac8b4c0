"""Tenancy, roles and small-cell protection."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from backbone.testing import Tenant


async def _observation(api: httpx.AsyncClient, setup: Any, org: uuid.UUID) -> dict[str, Any]:
    r = await api.post(f"/v1/indicators/{setup.indicator['id']}/observations",
                       headers=setup.partner(org),
                       json={"period": "2024", "numerator": 5, "denominator": 10})
    assert r.status_code == 201, r.text
    return r.json()


def _routes(setup: Any, obs_id: str) -> list[tuple[str, str, Any]]:
    i, ind, dim = setup.initiative_id, setup.indicator["id"], setup.dimension["id"]
    return [
        ("GET", f"/v1/initiatives/{i}/measurement-settings", None),
        ("PATCH", f"/v1/initiatives/{i}/measurement-settings", {"min_cell_size": 5}),
        ("GET", f"/v1/initiatives/{i}/dimensions", None),
        ("POST", f"/v1/initiatives/{i}/dimensions", {"code": "g", "name": "G", "options": [
            {"code": "a", "label": "A"}]}),
        ("GET", f"/v1/dimensions/{dim}", None),
        ("PATCH", f"/v1/dimensions/{dim}", {"name": "X"}),
        ("DELETE", f"/v1/dimensions/{dim}", None),
        ("GET", f"/v1/initiatives/{i}/indicators", None),
        ("POST", f"/v1/initiatives/{i}/indicators", {"code": "x", "name": "X", "unit": "count",
                                                     "direction": "increase",
                                                     "frequency": "annual"}),
        ("GET", f"/v1/indicators/{ind}", None),
        ("PATCH", f"/v1/indicators/{ind}", {"name": "X"}),
        ("GET", f"/v1/indicators/{ind}/targets", None),
        ("PUT", f"/v1/indicators/{ind}/targets", {"targets": []}),
        ("GET", f"/v1/indicators/{ind}/observations", None),
        ("POST", f"/v1/indicators/{ind}/observations", {"period": "2025", "numerator": 1,
                                                        "denominator": 2}),
        ("POST", f"/v1/initiatives/{i}/observations/batch", {"rows": [
            {"indicator": "ready", "period": "2025", "numerator": 1, "denominator": 2}]}),
        ("GET", f"/v1/observations/{obs_id}", None),
        ("POST", f"/v1/observations/{obs_id}/review", {"decision": "approve"}),
        ("GET", f"/v1/observations/{obs_id}/history", None),
        ("GET", f"/v1/indicators/{ind}/series", None),
        ("GET", f"/v1/indicators/{ind}/progress", None),
        ("GET", f"/v1/indicators/{ind}/disparities?dimension=race", None),
        ("GET", f"/v1/indicators/{ind}/chart.svg", None),
    ]


async def test_another_tenant_gets_404_everywhere(
    api: httpx.AsyncClient, setup: Any, other_tenant: Tenant
) -> None:
    obs = await _observation(api, setup, uuid.uuid4())
    # Even a network admin of another tenant, and even with a grant naming these ids.
    for headers in (other_tenant.admin,
                    other_tenant.headers(f"initiative:{setup.initiative_id}:backbone")):
        for method, url, body in _routes(setup, obs["id"]):
            r = await api.request(method, url, headers=headers, json=body)
            assert r.status_code == 404, (method, url, r.status_code)
            assert str(setup.initiative_id) not in r.text.replace(url, "")
    csv = await api.post(f"/v1/initiatives/{setup.initiative_id}/observations/import",
                         headers={**other_tenant.admin, "Content-Type": "text/csv"},
                         content=b"indicator,period,numerator,denominator\nready,2025,1,2\n")
    assert csv.status_code == 404


WRITES = {"PATCH", "POST", "PUT", "DELETE"}
PARTNER_MAY = {"/observations", "/observations/batch"}


async def test_roles(api: httpx.AsyncClient, setup: Any) -> None:
    obs = await _observation(api, setup, uuid.uuid4())
    for method, url, body in _routes(setup, obs["id"]):
        if method not in WRITES:
            continue
        viewer = await api.request(method, url, headers=setup.viewer, json=body)
        assert viewer.status_code == 403, (method, url)
        partner = await api.request(method, url, headers=setup.partner(uuid.uuid4()), json=body)
        allowed = any(url.endswith(p) for p in PARTNER_MAY)
        assert (partner.status_code < 300) == allowed, (method, url, partner.status_code)


async def test_partners_see_only_their_own_observations(
    api: httpx.AsyncClient, setup: Any
) -> None:
    ours, theirs = uuid.uuid4(), uuid.uuid4()
    obs = await _observation(api, setup, theirs)
    assert (await api.get(f"/v1/observations/{obs['id']}",
                          headers=setup.partner(ours))).status_code == 404
    assert (await api.get(f"/v1/observations/{obs['id']}",
                          headers=setup.partner(theirs))).status_code == 200
    forbidden = await api.post(f"/v1/indicators/{setup.indicator['id']}/observations",
                               headers=setup.partner(ours),
                               json={"period": "2025", "numerator": 1, "denominator": 2,
                                     "organization_id": str(theirs)})
    assert forbidden.status_code == 403  # a permission failure, not bad input
    assert forbidden.json()["type"] == "urn:backbone:problem:forbidden"
    assert "own organization" in forbidden.json()["detail"]
    assert (await api.get(f"/v1/indicators/{setup.indicator['id']}/observations",
                          headers=setup.viewer)).status_code == 403


@pytest.fixture
async def small_cells(api: httpx.AsyncClient, setup: Any) -> Any:
    """2024 readiness by race: Asian has only 6 children, below the minimum of 10."""
    rows = [("asian", 3, 6), ("black", 60, 120), ("latino", 200, 300), ("white", 300, 400),
            (None, 563, 826)]
    batch = [{"indicator": "ready", "period": "2024", "numerator": n, "denominator": d,
              "disaggregation": {"race": race} if race else {}} for race, n, d in rows]
    await setup.approved(api, batch)
    return setup


async def test_viewers_never_see_a_suppressed_cell(
    api: httpx.AsyncClient, small_cells: Any
) -> None:
    setup = small_cells
    url = f"/v1/indicators/{setup.indicator['id']}"
    staff = (await api.get(f"{url}/series", params={"by": "race"}, headers=setup.staff)).json()
    assert not any(p["suppressed"] for s in staff["series"] for p in s["points"])

    seen = (await api.get(f"{url}/series", params={"by": "race"}, headers=setup.viewer)).json()
    points = {s["group"]: s["points"][0] for s in seen["series"]}
    assert points["asian"]["suppressed"] is True
    assert points["asian"]["value"] is None
    assert points["asian"]["numerator"] is None
    # The total is shown, so the next smallest group (Black, 120) is hidden too:
    # otherwise 826 - 300 - 400 - 120 would give the Asian count away.
    assert points["black"]["suppressed"] is True
    assert points["latino"]["value"] == 66.67  # 200 of 300, as people read it
    total = (await api.get(f"{url}/series", headers=setup.viewer)).json()["series"][0]
    assert total["points"][0]["denominator"] == 826
    body = str(seen) + str((await api.get(f"{url}/progress", params={"by": "race"},
                                          headers=setup.viewer)).json())
    disparities = (await api.get(f"{url}/disparities", params={"dimension": "race"},
                                 headers=setup.viewer)).json()
    body += str(disparities)
    assert "0.5" not in body  # Asian 3/6 = 50%, in no form
    assert "50.0" not in body
    hidden = {g["group"]: g for g in disparities["latest"]["groups"]}
    assert hidden["asian"]["suppressed"] is True
    assert hidden["asian"]["value"] is None
    chart = await api.get(f"{url}/chart.svg", params={"where": "race:asian"},
                          headers=setup.viewer)
    assert "suppressed to protect small groups: 2024" in chart.text


async def test_minimum_is_a_setting(api: httpx.AsyncClient, small_cells: Any) -> None:
    setup = small_cells
    settings = f"/v1/initiatives/{setup.initiative_id}/measurement-settings"
    current = await api.get(settings, headers=setup.viewer)
    assert current.json()["min_cell_size"] == 10
    changed = await api.patch(settings, headers={**setup.staff, "If-Match": current.headers[
        "etag"]}, json={"min_cell_size": 5})
    assert changed.status_code == 200, changed.text
    seen = (await api.get(f"/v1/indicators/{setup.indicator['id']}/series",
                          params={"by": "race"}, headers=setup.viewer)).json()
    assert not any(p["suppressed"] for s in seen["series"] for p in s["points"])
