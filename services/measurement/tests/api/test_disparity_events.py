"""``indicator.disparities_changed``: the gap trends per dimension, as viewers see them,
announced when reviewed data changes them, and never carrying what viewers may not see."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import text

from backbone.testing import every_tenant

DISPARITIES = "org.backbone.measurement.indicator.disparities_changed"

# Readiness (%) by race: the Black gap to white narrows (-30 -> -17), the Latino widens
# (-10 -> -19). Asian children are a group of 4: suppressed for viewers, and as the total
# derived from the groups would give them away, so is the next smallest group (Black, the
# first of three of 500).
SHARES = {"black": (40, 56), "latino": (60, 54), "white": (70, 73), "asian": (50, 100)}
COHORT = {"black": 500, "latino": 500, "white": 500, "asian": 4}


def rows(years: tuple[str, ...] = ("2021", "2025")) -> list[dict[str, Any]]:
    out = []
    for race, shares in SHARES.items():
        for year, share in zip(years, shares, strict=True):
            out.append({"indicator": "ready", "period": year,
                        "numerator": share * COHORT[race] // 100,
                        "denominator": COHORT[race], "disaggregation": {"race": race}})
    return out


async def announced(app: FastAPI, indicator_id: str) -> list[dict[str, Any]]:
    async with every_tenant(app)() as session:
        found = await session.execute(text(
            "SELECT payload FROM outbox WHERE subject = :id AND type = :type ORDER BY seq"),
            {"id": indicator_id, "type": DISPARITIES})
        return [r[0] for r in found]


async def test_trends_are_announced_from_approved_data_as_viewers_see_them(
    api: httpx.AsyncClient, measurement_app: FastAPI, setup: Any,
) -> None:
    indicator_id = setup.indicator["id"]
    submitted = await api.post(f"/v1/initiatives/{setup.initiative_id}/observations/batch",
                               headers=setup.staff, json={"rows": rows()})
    assert submitted.status_code == 200, submitted.text
    assert await announced(measurement_app, indicator_id) == []  # nothing reviewed yet

    for row in submitted.json()["results"]:
        review = await api.post(f"/v1/observations/{row['observation_id']}/review",
                                headers=setup.staff, json={"decision": "approve"})
        assert review.status_code == 200
    events = await announced(measurement_app, indicator_id)
    latest = events[-1]
    [race] = latest["dimensions"]
    assert (race["dimension"], race["dimension_id"], race["reference_group"]) == (
        "race", setup.dimension["id"], "white")
    trends = {t["group"]: t["trend"] for t in race["trends"]}
    assert trends == {"latino": "widening"}  # no trend for 4 children, nor their complement
    assert latest["view"] == "reviewed"

    seen = (await api.get(f"/v1/indicators/{indicator_id}/disparities",
                          params={"dimension": "race"}, headers=setup.viewer)).json()
    assert race["trends"] == seen["trends"]  # exactly what a viewer reads

    # Approving data that changes no trend announces nothing new.
    count = len(events)
    again = await api.post(f"/v1/indicators/{indicator_id}/observations", headers=setup.staff,
                           json={"period": "2023", "numerator": 1, "denominator": 2})
    await api.post(f"/v1/observations/{again.json()['id']}/review", headers=setup.staff,
                   json={"decision": "approve"})
    assert len(await announced(measurement_app, indicator_id)) == count


async def test_a_new_direction_judges_the_gaps_again(
    api: httpx.AsyncClient, measurement_app: FastAPI, setup: Any,
) -> None:
    await setup.approved(api, rows())
    indicator_id = setup.indicator["id"]
    before = (await announced(measurement_app, indicator_id))[-1]
    assert before["dimensions"][0]["reference_group"] == "white"
    current = await api.get(f"/v1/indicators/{indicator_id}", headers=setup.staff)
    changed = await api.patch(f"/v1/indicators/{indicator_id}", json={"direction": "decrease"},
                              headers={**setup.staff, "If-Match": current.headers["ETag"]})
    assert changed.status_code == 200, changed.text
    after = (await announced(measurement_app, indicator_id))[-1]
    # Lower is better now: the best group in 2025 is Latino (54), and the white gap widens.
    assert after["dimensions"][0]["reference_group"] == "latino"
    assert {t["group"]: t["trend"] for t in after["dimensions"][0]["trends"]}["white"] == \
        "widening"


async def test_a_dimension_without_two_comparable_groups_is_left_out(
    api: httpx.AsyncClient, measurement_app: FastAPI, setup: Any,
) -> None:
    only_white = [r for r in rows() if r["disaggregation"]["race"] in ("white", "asian")]
    await setup.approved(api, only_white)
    assert await announced(measurement_app, setup.indicator["id"]) == []
