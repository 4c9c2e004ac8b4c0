"""Series filters, per-group progress and disparities over time, through the API."""

from __future__ import annotations

import uuid
from typing import Any
from xml.etree import ElementTree

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import update

from backbone.testing import every_tenant
from measurement.models import Observation

SVG = "{http://www.w3.org/2000/svg}"

# Readiness (%) by race, 2021-2025: the Black-white gap narrows, the Latino-white widens.
DATA = {
    "black": [40, 44, 48, 52, 56],
    "latino": [60, 58, 57, 55, 54],
    "white": [70, 71, 72, 72, 73],
}


@pytest.fixture
async def story(api: httpx.AsyncClient, setup: Any) -> Any:
    rows = []
    for race, values in DATA.items():
        for year, pct in zip(range(2021, 2026), values, strict=True):
            for place in ("north", "south"):  # two places, pooled
                rows.append({"indicator": "ready", "period": str(year), "geography": place,
                             "numerator": pct * 5, "denominator": 500,
                             "disaggregation": {"race": race}})
    r = await api.post(f"/v1/initiatives/{setup.initiative_id}/observations/batch",
                       headers=setup.staff, json={"rows": rows})
    assert r.status_code == 200, r.text
    await api.put(f"/v1/indicators/{setup.indicator['id']}/targets", headers=setup.staff,
                  json={"targets": [{"period": "2026", "value": 75},
                                    {"period": "2026", "value": 65,
                                     "disaggregation": {"race": "black"}}]})
    return setup


async def test_series_pools_places_and_filters(api: httpx.AsyncClient, story: Any) -> None:
    url = f"/v1/indicators/{story.indicator['id']}/series"
    black = (await api.get(url, params={"where": "race:black"}, headers=story.staff)).json()
    points = black["series"][0]["points"]
    assert [p["value"] for p in points] == pytest.approx([40.0, 44.0, 48.0, 52.0, 56.0])
    assert points[0]["observations"] == 2
    assert points[0]["denominator"] == 1000
    ranged = (await api.get(url, params={"where": "race:black", "from": "2023", "to": "2024",
                                         "geography": "north"}, headers=story.staff)).json()
    assert [(p["period"], p["denominator"]) for p in ranged["series"][0]["points"]] == [
        ("2023", 500), ("2024", 500)]
    bad = await api.get(url, params={"where": "race"}, headers=story.staff)
    assert bad.status_code == 422
    unknown = await api.get(url, params={"by": "gender"}, headers=story.staff)
    assert unknown.status_code == 422
    period = await api.get(url, params={"from": "2023Q5"}, headers=story.staff)
    assert period.json()["errors"][0]["loc"] == ["query", "from"]


async def test_progress_per_group(api: httpx.AsyncClient, story: Any) -> None:
    progress = (await api.get(f"/v1/indicators/{story.indicator['id']}/progress",
                              params={"by": "race"}, headers=story.staff)).json()
    groups = {g["group"]: g for g in progress["groups"]}
    # Black: 40 (2021) toward its own target 65 (2026); 56 in 2025 vs ~60 expected.
    assert groups["black"]["target"] == {"period": "2026", "value": 65.0, "derived": False}
    assert groups["black"]["status"] == "off_track"
    assert groups["black"]["share_of_the_way"] == pytest.approx(16 / 25)
    # White uses the overall target 75: 70 -> 73 by 2025 vs ~74 expected.
    assert groups["white"]["target"]["value"] == 75.0
    assert groups["white"]["status"] == "off_track"
    assert groups["latino"]["status"] == "off_track"
    # No total was reported: it is derived from the groups, pooled (56.67% in 2021, 61%
    # in 2025, against ~71.33% expected on the way to 75%).
    overall = progress["overall"]
    assert overall["baseline"] == {"period": "2021", "value": 56.67, "derived": True}
    assert overall["latest"] == {"period": "2025", "value": 61.0, "derived": True}
    assert overall["status"] == "off_track"


async def test_disparities_narrowing_and_widening(api: httpx.AsyncClient, story: Any) -> None:
    url = f"/v1/indicators/{story.indicator['id']}/disparities"
    result = (await api.get(url, params={"dimension": "race"}, headers=story.staff)).json()
    assert result["reference_group"] == "white"
    assert result["reference_rule"] == "best"
    latest = {g["group"]: g for g in result["latest"]["groups"]}
    assert latest["black"]["gap"] == pytest.approx(-17.0)
    assert latest["black"]["ratio"] == 0.77  # 56 / 73, to two decimals
    trends = {t["group"]: t for t in result["trends"]}
    assert trends["black"]["trend"] == "narrowing"   # -30 -> -17
    assert trends["latino"]["trend"] == "widening"   # -10 -> -19
    assert trends["latino"]["first_gap"] == pytest.approx(-10.0)
    assert len(result["over_time"]) == 5

    chosen = (await api.get(url, params={"dimension": "race", "reference": "black"},
                            headers=story.staff)).json()
    assert chosen["reference_rule"] == "chosen"
    assert {g["group"]: g["gap"] for g in chosen["latest"]["groups"]}["white"] == \
        pytest.approx(17.0)
    assert (await api.get(url, params={"dimension": "race", "reference": "nobody"},
                          headers=story.staff)).status_code == 422


@pytest.mark.parametrize(("rule", "expected"), [("sum", 60.0), ("mean", 20.0), ("latest", 30.0)])
async def test_places_combine_by_the_declared_rule(
    api: httpx.AsyncClient, make_setup: Any, rule: str, expected: float
) -> None:
    setup = await make_setup(code="seats", name="Seats", unit="count", across_places=rule)
    url = f"/v1/indicators/{setup.indicator['id']}"
    for place, value in (("north", 10.0), ("east", 20.0), ("south", 30.0)):  # south is last
        r = await api.post(f"{url}/observations", headers=setup.staff,
                           json={"period": "2025", "geography": place, "value": value})
        assert r.status_code == 201
    point = (await api.get(f"{url}/series", headers=setup.staff)).json()["series"][0]["points"][0]
    assert point["value"] == expected
    assert point["observations"] == 3


async def test_cumulative_series_count_from_the_start(
    api: httpx.AsyncClient, make_setup: Any
) -> None:
    setup = await make_setup(code="served", name="Families served", unit="count",
                             across_time="cumulative", frequency="quarterly")
    url = f"/v1/indicators/{setup.indicator['id']}"
    for quarter, value in (("2025Q1", 5), ("2025Q2", 7), ("2025Q3", 0), ("2025Q4", 3)):
        await api.post(f"{url}/observations", headers=setup.staff,
                       json={"period": quarter, "value": value})
    series = (await api.get(f"{url}/series", params={"from": "2025Q3"},
                            headers=setup.staff)).json()["series"][0]["points"]
    assert [(p["period"], p["value"]) for p in series] == [("2025Q3", 12.0), ("2025Q4", 15.0)]


async def test_a_partner_is_judged_against_its_own_target(
    api: httpx.AsyncClient, make_setup: Any
) -> None:
    setup = await make_setup(code="mentored", name="Youth mentored", unit="count",
                             baseline_period="2024")
    ours, theirs = uuid.uuid4(), uuid.uuid4()
    url = f"/v1/indicators/{setup.indicator['id']}"
    await api.put(f"{url}/targets", headers=setup.staff, json={"targets": [
        {"period": "2026", "value": 1000},
        {"period": "2026", "value": 100, "organization_id": str(ours)}]})
    for org, values in ((ours, (40, 90)), (theirs, (300, 310))):
        for year, value in zip(("2024", "2025"), values, strict=True):
            r = await api.post(f"{url}/observations", headers=setup.partner(org),
                               json={"period": year, "value": value})
            assert r.status_code == 201
    mine = (await api.get(f"{url}/progress", params={"organization_id": str(ours)},
                          headers=setup.staff)).json()["overall"]
    assert mine["target"] == {"period": "2026", "value": 100.0, "derived": False}
    assert mine["status"] == "on_track"  # 40 -> 90 of 100; the trajectory says ~70
    everyone = (await api.get(f"{url}/progress", headers=setup.staff)).json()["overall"]
    assert everyone["latest"] == {"period": "2025", "value": 400.0, "derived": False}
    assert everyone["target"]["value"] == 1000.0
    assert everyone["status"] == "off_track"

    listed = await api.get(f"{url}/observations", params={"period": "2025"},
                           headers=setup.partner(ours))
    assert [o["value"] for o in listed.json()["items"]] == [90.0]
    approved = await api.get(f"{url}/observations", params={"status": "approved"},
                             headers=setup.staff)
    assert approved.json()["items"] == []
    peeking = await api.get(f"{url}/observations",
                            params={"organization_id": str(theirs)},
                            headers=setup.partner(ours))
    assert peeking.status_code == 403


async def test_figures_are_served_as_people_read_them(
    api: httpx.AsyncClient, make_setup: Any,
) -> None:
    """99 of 180 is 55%, not the 55.00000000000001 of binary floating point; the exact
    numerator and denominator stand beside the rounded value; a count's mean is shown whole
    unless the indicator declares decimals."""
    setup = await make_setup()
    batch = f"/v1/initiatives/{setup.initiative_id}/observations/batch"
    rows = [{"indicator": "ready", "period": "2025", "numerator": n, "denominator": d,
             "disaggregation": {"race": race}}
            for race, n, d in [("black", 99, 180), ("white", 2, 3)]]
    assert (await api.post(batch, headers=setup.staff, json={"rows": rows})).status_code == 200
    indicator = f"/v1/indicators/{setup.indicator['id']}"
    series = (await api.get(f"{indicator}/series", params={"by": "race"},
                            headers=setup.staff)).json()
    points = {s["group"]: s["points"][0] for s in series["series"] if s["points"]}
    assert (points["black"]["value"], points["black"]["numerator"],
            points["black"]["denominator"]) == (55.0, 99, 180)
    assert points["white"]["value"] == 66.67
    gaps = (await api.get(f"{indicator}/disparities", params={"dimension": "race"},
                          headers=setup.staff)).json()["latest"]
    assert gaps["reference_value"] == 66.67
    black = next(g for g in gaps["groups"] if g["group"] == "black")
    assert (black["value"], black["gap"], black["ratio"]) == (55.0, -11.67, 0.83)

    counts = await make_setup(code="seats", unit="count", across_places="mean")
    rows = [{"indicator": "seats", "period": "2025", "geography": place, "value": value}
            for place, value in [("north", 1), ("south", 2), ("east", 2)]]
    assert (await api.post(f"/v1/initiatives/{counts.initiative_id}/observations/batch",
                           headers=counts.staff, json={"rows": rows})).status_code == 200
    url = f"/v1/indicators/{counts.indicator['id']}"

    async def mean() -> float:
        body = (await api.get(f"{url}/series", headers=counts.staff)).json()
        return float(body["series"][0]["points"][0]["value"])

    assert await mean() == 2.0  # 5/3 shown whole
    declared = await api.patch(url, headers={**counts.staff, "If-Match": '"1"'},
                               json={"decimals": 2})
    assert declared.status_code == 200, declared.text
    assert declared.json()["decimals"] == 2
    assert await mean() == 1.67
    too_fine = await api.patch(url, headers=counts.staff, json={"decimals": 7})
    assert too_fine.status_code == 422
    assert too_fine.json()["errors"][0]["loc"] == ["body", "decimals"]


async def test_every_change_shows_in_the_next_read(api: httpx.AsyncClient, setup: Any) -> None:
    """Figures are cached per version of the indicator's data: each write makes a new one."""
    url = f"/v1/indicators/{setup.indicator['id']}"
    read = []
    for numerator in (10, 20):
        made = await api.post(f"{url}/observations", headers=setup.staff, json={
            "period": "2025", "numerator": numerator, "denominator": 100})
        assert made.status_code in (200, 201), made.text
        for _ in range(2):
            series = (await api.get(f"{url}/series", headers=setup.staff)).json()
            read.append(series["series"][0]["points"][0]["numerator"])
        await api.post(f"/v1/observations/{made.json()['id']}/review", headers=setup.staff,
                       json={"decision": "reject", "note": "test"})
        series = (await api.get(f"{url}/series", headers=setup.staff)).json()
        read.append(len(series["series"][0]["points"]))
    assert read == [10, 10, 0, 20, 20, 0]


async def test_a_write_reads_again_only_the_periods_it_changed(
    api: httpx.AsyncClient, setup: Any, measurement_app: FastAPI
) -> None:
    """The figures after a write are those kept from the data before it, with the written
    period read again; unless the write brings a cell the indicator had none of, which
    changes what every period derives from. Shown by changing a stored row behind the
    service's back (so no new data version): kept figures do not see it, a full read does."""
    url = f"/v1/indicators/{setup.indicator['id']}"

    async def write(period: str, numerator: int, **extra: Any) -> None:
        made = await api.post(f"{url}/observations", headers=setup.staff, json={
            "period": period, "numerator": numerator, "denominator": 100, **extra})
        assert made.status_code in (200, 201), made.text

    async def numerators() -> dict[str, float]:
        series = (await api.get(f"{url}/series", headers=setup.staff)).json()
        return {p["period"]: p["numerator"] for p in series["series"][0]["points"]}

    await write("2024", 10)
    await write("2025", 20)
    assert await numerators() == {"2024": 10, "2025": 20}
    async with every_tenant(measurement_app)() as session, session.begin():
        await session.execute(update(Observation).where(
            Observation.indicator_id == uuid.UUID(setup.indicator["id"]),
            Observation.period == "2024").values(numerator=11))
    await write("2025", 30)
    assert await numerators() == {"2024": 10, "2025": 30}
    await write("2025", 5, disaggregation={"race": "black"})
    assert await numerators() == {"2024": 11, "2025": 30}


async def test_the_chart_by_group_draws_each_group_and_the_widest_gap(
    api: httpx.AsyncClient, story: Any
) -> None:
    url = f"/v1/indicators/{story.indicator['id']}/chart.svg"
    chart = await api.get(url, params={"by": "race"}, headers=story.staff)
    assert chart.status_code == 200, chart.text
    svg = ElementTree.fromstring(chart.content)  # noqa: S314 - the service's own document
    drawn = {g.get("id") for g in svg.iter(f"{SVG}g")}
    assert {"group-black", "group-latino", "group-white", "gap"} <= drawn
    assert "group-asian" not in drawn  # no data: no line
    description = svg.find(f"{SVG}desc")
    assert description is not None
    assert description.text == (
        "Kindergarten readiness (percent) by race. asian: no data to show. "
        "black: 2021 40, 2022 44, 2023 48, 2024 52, 2025 56. "
        "latino: 2021 60, 2022 58, 2023 57, 2024 55, 2025 54. "
        "white: 2021 70, 2022 71, 2023 72, 2024 72, 2025 73. "
        "Widest gap in 2025: latino -19 against white (best reference group).")
    unknown = await api.get(url, params={"by": "colour"}, headers=story.staff)
    assert unknown.status_code == 422


async def test_kept_figures_follow_everything_they_are_computed_from(
    api: httpx.AsyncClient, setup: Any
) -> None:
    """Figures are kept per process; each read below first fills that store with the state
    before a change, then the change must show: who reads, the small-cell minimum, the
    indicator's definition, its targets and its dimension's options."""
    url = f"/v1/indicators/{setup.indicator['id']}"
    await setup.approved(api, [
        {"indicator": "ready", "period": "2025", "numerator": num, "denominator": den,
         "disaggregation": {"race": race}}
        for race, num, den in (("black", 283, 500), ("white", 350, 500), ("asian", 3, 4))])

    async def asian(headers: dict[str, str]) -> dict[str, Any]:
        series = (await api.get(f"{url}/series", params={"by": "race"},
                                headers=headers)).json()["series"]
        return next(s for s in series if s["group"] == "asian")["points"][0]

    assert (await asian(setup.staff))["value"] == 75.0
    assert (await asian(setup.viewer))["suppressed"]  # the same request, another view
    settings = f"/v1/initiatives/{setup.initiative_id}/measurement-settings"
    changed = await api.patch(settings, headers=setup.staff, json={"min_cell_size": 3})
    assert changed.status_code == 200, changed.text
    assert (await asian(setup.viewer))["value"] == 75.0

    async def black_value() -> float:
        series = (await api.get(f"{url}/series", params={"where": "race:black"},
                                headers=setup.viewer)).json()["series"]
        return float(series[0]["points"][0]["value"])

    assert await black_value() == 56.6
    patched = await api.patch(url, headers=setup.staff, json={"decimals": 0})
    assert patched.status_code == 200, patched.text
    assert await black_value() == 57.0

    async def target() -> Any:
        return (await api.get(f"{url}/progress", headers=setup.viewer)).json()["overall"]["target"]

    assert await target() is None
    put = await api.put(f"{url}/targets", headers=setup.staff,
                        json={"targets": [{"period": "2030", "value": 90}]})
    assert put.status_code == 200, put.text
    assert (await target())["value"] == 90.0

    async def groups() -> list[str]:
        disparities = (await api.get(f"{url}/disparities", params={"dimension": "race"},
                                     headers=setup.staff)).json()
        return [g["group"] for g in disparities["latest"]["groups"]]

    assert await groups() == ["asian", "black", "white"]

    async def series_groups() -> list[str]:
        series = (await api.get(f"{url}/series", params={"by": "race"},
                                headers=setup.staff)).json()["series"]
        return [s["group"] for s in series]

    assert "multiracial" not in await series_groups()
    dimension = f"/v1/dimensions/{setup.dimension['id']}"
    added = await api.patch(dimension, headers=setup.staff, json={"options": [
        *setup.dimension["options"], {"code": "multiracial", "label": "Multiracial"}]})
    assert added.status_code == 200, added.text
    assert "multiracial" in await series_groups()
