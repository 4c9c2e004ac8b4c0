"""Derived totals, worked by hand: a figure nobody reported is worked out from the groups
reported (counts summed, rates pooled, mean and latest as declared), told apart from
reported ones, and checked against a reported figure where both exist."""

from __future__ import annotations

from typing import Any

import httpx
import pytest


async def record(api: httpx.AsyncClient, setup: Any, rows: list[dict[str, Any]]
                 ) -> dict[str, Any]:
    code = setup.indicator["code"]
    result = await api.post(f"/v1/initiatives/{setup.initiative_id}/observations/batch",
                            headers=setup.staff,
                            json={"rows": [{"indicator": code, **r} for r in rows]})
    assert result.status_code == 200, result.text
    return dict(result.json())


async def points(api: httpx.AsyncClient, setup: Any, indicator: dict[str, Any] | None = None,
                 **params: Any) -> list[dict[str, Any]]:
    url = f"/v1/indicators/{(indicator or setup.indicator)['id']}/series"
    response = await api.get(url, headers=setup.staff, params=params)
    assert response.status_code == 200, response.text
    return list(response.json()["series"][0]["points"])


def race(**counts: float) -> list[dict[str, Any]]:
    return [{"disaggregation": {"race": r}, "value": n} for r, n in counts.items()]


async def test_counts_are_summed_where_a_place_reported_only_groups(
    api: httpx.AsyncClient, make_setup: Any
) -> None:
    setup = await make_setup(code="enrolled", name="Enrolled", unit="count")
    # North reports four groups and no total; south reports its total and its groups.
    await record(api, setup, [
        *({"period": "2025", "geography": "north", **r}
          for r in race(asian=12, black=30, latino=40, white=18)),
        {"period": "2025", "geography": "south", "value": 50},
        *({"period": "2025", "geography": "south", **r}
          for r in race(asian=10, black=10, latino=10, white=20))])
    [overall] = await points(api, setup)
    assert (overall["value"], overall["derived"], overall["observations"]) == (150, True, 5)
    assert overall["consistency"] is None
    [north] = await points(api, setup, geography="north")
    assert (north["value"], north["derived"]) == (100, True)
    [south] = await points(api, setup, geography="south")
    assert (south["value"], south["derived"]) == (50, False)
    [black] = await points(api, setup, where="race:black")
    assert (black["value"], black["derived"]) == (40, False)


async def test_rates_are_pooled_not_averaged(api: httpx.AsyncClient, setup: Any) -> None:
    await record(api, setup, [
        {"period": "2025", "disaggregation": {"race": "asian"}, "numerator": 10,
         "denominator": 100},
        {"period": "2025", "disaggregation": {"race": "black"}, "numerator": 45,
         "denominator": 50}])
    [point] = await points(api, setup)
    # 55 of 150 (36.67%), not the mean of 10% and 90%.
    assert (point["numerator"], point["denominator"], point["value"]) == (55, 150, 36.67)
    assert point["derived"] is True


@pytest.mark.parametrize(("rule", "expected"), [("sum", 95), ("mean", 31.67), ("latest", 5)])
async def test_mean_and_latest_are_as_declared(
    api: httpx.AsyncClient, make_setup: Any, rule: str, expected: float
) -> None:
    setup = await make_setup(code="visits", name="Visits", unit="count", across_places=rule,
                             decimals=2)
    for group, value in (("asian", 30), ("black", 60), ("latino", 5)):  # latino is last
        await record(api, setup, [{"period": "2025", "disaggregation": {"race": group},
                                   "value": value}])
    [point] = await points(api, setup)
    assert (point["value"], point["derived"]) == (expected, True)


async def test_cross_classified_cells_give_the_total_and_each_breakdown(
    api: httpx.AsyncClient, setup: Any
) -> None:
    base = f"/v1/initiatives/{setup.initiative_id}"
    income = await api.post(f"{base}/dimensions", headers=setup.staff, json={
        "code": "income", "name": "Income", "options": [
            {"code": "low", "label": "Low"}, {"code": "high", "label": "High"}]})
    made = await api.post(f"{base}/indicators", headers=setup.staff, json={
        "code": "grads", "name": "Graduates", "unit": "percent", "direction": "increase",
        "frequency": "annual", "dimension_ids": [setup.dimension["id"], income.json()["id"]]})
    indicator = made.json()
    cells = {("black", "low"): (30, 60), ("black", "high"): (36, 40),
             ("white", "low"): (20, 25), ("white", "high"): (70, 75)}
    result = await api.post(f"{base}/observations/batch", headers=setup.staff, json={"rows": [
        {"indicator": "grads", "period": "2025", "numerator": n, "denominator": d,
         "disaggregation": {"race": r, "income": i}} for (r, i), (n, d) in cells.items()]})
    assert result.status_code == 200, result.text
    [total] = await points(api, setup, indicator)
    assert (total["numerator"], total["denominator"], total["derived"]) == (156, 200, True)
    url = f"/v1/indicators/{indicator['id']}/series"
    by_race = (await api.get(url, headers=setup.staff, params={"by": "race"})).json()
    assert {s["group"]: (s["points"][0]["numerator"], s["points"][0]["denominator"])
            for s in by_race["series"] if s["points"]} == {"black": (66, 100),
                                                           "white": (90, 100)}
    [low] = await points(api, setup, indicator, where="income:low")
    assert (low["numerator"], low["denominator"], low["value"]) == (50, 85, 58.82)
    gaps = (await api.get(f"/v1/indicators/{indicator['id']}/disparities",
                          headers=setup.staff, params={"dimension": "race"})).json()
    assert {g["group"]: (g["value"], g["derived"]) for g in gaps["latest"]["groups"]} == {
        "black": (66.0, True), "white": (90.0, True)}


async def test_a_reported_total_stands_and_a_disagreement_is_noted(
    api: httpx.AsyncClient, make_setup: Any
) -> None:
    setup = await make_setup(code="enrolled", name="Enrolled", unit="count")
    imported = await record(api, setup, [
        {"period": "2025", "geography": "north", "value": 100},
        *({"period": "2025", "geography": "north", **r}
          for r in race(asian=12, black=30, latino=40, white=16))])
    [note] = imported["consistency"]
    assert (note["period"], note["geography"], note["disaggregation"]) == ("2025", "north", {})
    assert note["differences"] == [{"figure": "value", "reported": 100, "derived": 98}]
    assert note["note"] == ("Reported figure and groups disagree: the reported value 100 but "
                            "its groups add up to 98. The reported figure stands.")
    [point] = await points(api, setup)
    assert (point["value"], point["derived"]) == (100, False)
    assert point["consistency"]["differences"] == note["differences"]
    progress = (await api.get(f"/v1/indicators/{setup.indicator['id']}/progress",
                              headers=setup.staff)).json()
    assert progress["overall"]["consistency"]["differences"] == note["differences"]
    # Viewers see no breakdown's sum beside a figure: with suppression it could give a
    # hidden group away.
    for row in imported["results"]:
        await api.post(f"/v1/observations/{row['observation_id']}/review",
                       headers=setup.staff, json={"decision": "approve"})
    shown = await api.get(f"/v1/indicators/{setup.indicator['id']}/series",
                          headers=setup.viewer)
    assert shown.json()["series"][0]["points"][0]["consistency"] is None


async def test_a_dry_run_notes_what_storing_would_give(
    api: httpx.AsyncClient, setup: Any
) -> None:
    await record(api, setup, [{"period": "2025", "numerator": 50, "denominator": 100}])
    result = await api.post(
        f"/v1/initiatives/{setup.initiative_id}/observations/batch", headers=setup.staff,
        json={"dry_run": True, "rows": [
            {"indicator": "ready", "period": "2025", "numerator": n, "denominator": 50,
             "disaggregation": {"race": r}} for r, n in (("black", 20), ("white", 29))]})
    [note] = result.json()["consistency"]
    assert note["differences"] == [{"figure": "numerator", "reported": 50, "derived": 49}]
    [point] = await points(api, setup)
    assert point["consistency"] is None  # nothing was stored
