"""Dimensions, indicators, goal links, targets and settings: the rules they keep."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from backbone.testing import Tenant


async def test_goal_links_come_from_agendas_events(
    api: httpx.AsyncClient, agenda: Any, tenant: Tenant, setup: Any
) -> None:
    url = f"/v1/indicators/{setup.indicator['id']}"
    unknown = uuid.uuid4()
    rejected = await api.patch(url, headers=setup.staff, json={"goal_ids": [str(unknown)]})
    assert rejected.status_code == 422
    assert rejected.json()["errors"][0]["loc"] == ["body", "goal_ids"]
    # A goal of another initiative is just as unknown here.
    elsewhere = await agenda.goal(tenant.name, await agenda.initiative(tenant.name))
    assert (await api.patch(url, headers=setup.staff,
                            json={"goal_ids": [str(elsewhere)]})).status_code == 422

    goal = await agenda.goal(tenant.name, setup.initiative_id)
    linked = await api.patch(url, headers=setup.staff, json={"goal_ids": [str(goal)]})
    assert linked.status_code == 200
    assert linked.json()["goal_ids"] == [str(goal)]
    listed = (await api.get(f"/v1/initiatives/{setup.initiative_id}/indicators",
                            params={"goal_id": str(goal)}, headers=setup.viewer)).json()
    assert [i["id"] for i in listed["items"]] == [setup.indicator["id"]]

    await agenda.goal_deleted(tenant.name, setup.initiative_id, goal)
    after = (await api.get(url, headers=setup.staff)).json()
    assert after["goal_ids"] == []
    assert after["version"] == linked.json()["version"] + 1


async def test_dimension_options_are_retired_not_removed(
    api: httpx.AsyncClient, setup: Any
) -> None:
    dim_url = f"/v1/dimensions/{setup.dimension['id']}"
    obs_url = f"/v1/indicators/{setup.indicator['id']}/observations"
    old = await api.post(obs_url, headers=setup.staff, json={
        "period": "2023", "numerator": 5, "denominator": 50,
        "disaggregation": {"race": "latino"}})
    assert old.status_code == 201

    options = [o for o in setup.dimension["options"] if o["code"] != "latino"]
    dropped = await api.patch(dim_url, headers=setup.staff, json={"options": options})
    assert dropped.status_code == 422
    assert "latino" in dropped.json()["detail"]

    options = [{**o, "retired": o["code"] == "latino"} for o in setup.dimension["options"]]
    options.append({"code": "hispanic", "label": "Hispanic"})
    retired = await api.patch(dim_url, headers=setup.staff, json={"options": options})
    assert retired.status_code == 200, retired.text
    new = await api.post(obs_url, headers=setup.staff, json={
        "period": "2024", "numerator": 5, "denominator": 50,
        "disaggregation": {"race": "latino"}})
    assert new.status_code == 422
    assert "retired" in new.json()["detail"]
    # History that uses the retired option stays readable.
    series = (await api.get(f"/v1/indicators/{setup.indicator['id']}/series",
                            params={"by": "race"}, headers=setup.staff)).json()
    groups = {s["group"]: s["points"] for s in series["series"]}
    assert [p["value"] for p in groups["latino"]] == [10.0]
    assert groups["hispanic"] == []

    in_use = await api.delete(dim_url, headers=setup.staff)
    assert in_use.status_code == 409


async def test_indicator_rules(api: httpx.AsyncClient, setup: Any) -> None:
    url = f"/v1/indicators/{setup.indicator['id']}"
    for change in ({"unit": "count"}, {"frequency": "monthly"}):
        assert (await api.patch(url, headers=setup.staff, json=change)).status_code == 200
        await api.patch(url, headers=setup.staff, json={"unit": "percent",
                                                        "frequency": "annual"})
    await api.post(f"{url}/observations", headers=setup.staff,
                   json={"period": "2024", "numerator": 1, "denominator": 2})
    fixed = await api.patch(url, headers=setup.staff, json={"unit": "count"})
    assert fixed.status_code == 409
    duplicate = await api.post(f"/v1/initiatives/{setup.initiative_id}/indicators",
                               headers=setup.staff, json={
                                   "code": "ready", "name": "Again", "unit": "count",
                                   "direction": "increase", "frequency": "annual"})
    assert duplicate.status_code == 409
    value_only = await api.post(f"{url}/observations", headers=setup.staff,
                                json={"period": "2025", "value": 50})
    assert value_only.status_code == 422
    assert "numerator and denominator" in value_only.json()["detail"]
    retired = await api.patch(url, headers=setup.staff, json={"status": "retired"})
    assert retired.json()["status"] == "retired"
    late = await api.post(f"{url}/observations", headers=setup.staff,
                          json={"period": "2025", "numerator": 1, "denominator": 2})
    assert late.status_code == 422
    assert "retired" in late.json()["detail"]
    assert (await api.delete(url, headers=setup.staff)).status_code == 405


async def test_targets_per_group_and_fiscal_years(api: httpx.AsyncClient, setup: Any) -> None:
    settings = f"/v1/initiatives/{setup.initiative_id}/measurement-settings"
    assert (await api.patch(settings, headers=setup.staff,
                            json={"fiscal_year_start_month": 7})).status_code == 200
    url = f"/v1/indicators/{setup.indicator['id']}/targets"
    put = await api.put(url, headers=setup.staff, json={"targets": [
        {"period": "FY2027", "value": 70},
        {"period": "FY2027", "value": 60, "disaggregation": {"race": "black"}},
    ]})
    assert put.status_code == 200, put.text
    targets = put.json()["targets"]
    assert targets[0]["period_start"] == "2026-07-01"
    assert targets[0]["period_end"] == "2027-06-30"
    # Moving the fiscal year would move those periods.
    moved = await api.patch(settings, headers=setup.staff, json={"fiscal_year_start_month": 10})
    assert moved.status_code == 409
    bad = await api.put(url, headers=setup.staff, json={"targets": [
        {"period": "FY27", "value": 1}]})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["loc"] == ["body", "targets", 0, "period"]
    unknown_cell = await api.put(url, headers=setup.staff, json={"targets": [
        {"period": "2027", "value": 1, "disaggregation": {"gender": "female"}}]})
    assert unknown_cell.status_code == 422


async def test_targets_have_an_etag_and_honour_if_match(api: httpx.AsyncClient,
                                                        setup: Any) -> None:
    url = f"/v1/indicators/{setup.indicator['id']}/targets"
    read = await api.get(url, headers=setup.viewer)
    assert read.headers["etag"] == '"0"'
    body = {"targets": [{"period": "2026", "value": 70}]}
    stale = await api.put(url, headers={**setup.staff, "If-Match": '"999"'}, json=body)
    assert stale.status_code == 412
    assert (await api.get(url, headers=setup.viewer)).json()["targets"] == []
    put = await api.put(url, headers={**setup.staff, "If-Match": read.headers["etag"]},
                        json=body)
    assert put.status_code == 200, put.text
    assert put.headers["etag"] == '"1"'
    again = await api.put(url, headers={**setup.staff, "If-Match": '"0"'}, json=body)
    assert again.status_code == 412
    denied = await api.put(url, headers={**setup.viewer, "If-Match": '"0"'}, json=body)
    assert denied.status_code == 403
    assert "etag" not in denied.headers


async def test_figures_have_an_etag(api: httpx.AsyncClient, setup: Any) -> None:
    for route in ("series", "progress"):
        url = f"/v1/indicators/{setup.indicator['id']}/{route}"
        first = await api.get(url, headers=setup.viewer)
        assert first.headers["etag"].startswith('W/"')
        again = await api.get(url, headers={**setup.viewer,
                                            "If-None-Match": first.headers["etag"]})
        assert again.status_code == 304
