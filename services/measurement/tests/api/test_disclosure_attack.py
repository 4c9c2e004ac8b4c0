"""Small cells and unreviewed figures, attacked through the API as a viewer or a partner
would: every combination of filters the analysis routes offer, then subtraction."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterable
from typing import Any

import httpx
import pytest

from backbone.subtraction import recoverable

RACES = ("asian", "black", "latino", "white")
GEOGRAPHIES = ("north", "south")
ORGS = (uuid.UUID("00000000-0000-4000-8000-00000000000a"),
        uuid.UUID("00000000-0000-4000-8000-00000000000b"))
MINIMUM = 10

Atom = tuple[str, str, str, uuid.UUID]
"""(period, race, geography, organization): the finest figure a partner reports."""

# Denominators (children served) per period, race, geography and organization; the
# numerator is a third, rounded down. Small groups sit at every level: one partner's cell
# (3 Asian children in the north, 2025), a place's (Latino in the south, 2024: 4 + 5),
# and the whole initiative's (Asian in 2024: 4 + 3 + 2 = 9).
COUNTS: dict[Atom, int] = {}
for (period, race, geography, org), n in zip(
        itertools.product(("2024", "2025"), RACES, GEOGRAPHIES, ORGS),
        [4, 3, 2, 0, 40, 52, 61, 45, 30, 26, 4, 5, 80, 75, 66, 90,
         12, 3, 15, 11, 44, 50, 38, 47, 29, 33, 31, 28, 85, 70, 72, 91], strict=True):
    if n:
        COUNTS[(period, race, geography, org)] = n


@pytest.fixture(params=[True, False], ids=["reported-totals", "derived-totals"])
async def seeded(api: httpx.AsyncClient, setup: Any, request: pytest.FixtureRequest) -> Any:
    """Each partner's figures by race, and (or, derived, not) in total, per place and
    year, all approved."""
    rows = []
    for period, geography, org in itertools.product(("2024", "2025"), GEOGRAPHIES, ORGS):
        cells = {r: n for (p, r, g, o), n in COUNTS.items() if (p, g, o) == (period, geography,
                                                                           org)}
        totals = [(None, sum(cells.values()))] if request.param else []
        for race, n in [*cells.items(), *totals]:
            rows.append({"indicator": "ready", "period": period, "geography": geography,
                         "organization_id": str(org), "numerator": n // 3, "denominator": n,
                         "disaggregation": {"race": race} if race else {}})
    await setup.approved(api, rows)
    return setup


def atoms(period: str, race: str | None, geography: str | None,
          org: uuid.UUID | None) -> set[Atom]:
    return {a for a in COUNTS if a[0] == period and race in (None, a[1])
            and geography in (None, a[2]) and org in (None, a[3])}


def values_in(document: Any) -> set[float]:
    """Every figure a progress or disparities document states."""
    if isinstance(document, dict):
        found = {round(v, 6) for k, v in document.items()
                 if k in ("value", "reference_value") and isinstance(v, float | int)}
        return found.union(*(values_in(v) for v in document.values()))
    if isinstance(document, list):
        return set().union(*(values_in(v) for v in document))
    return set()


async def every_view(api: httpx.AsyncClient, url: str, headers: dict[str, str]
                     ) -> tuple[list[set[Atom]], list[set[Atom]], set[float], set[float]]:
    """Every series the routes offer: shown and hidden figures, the values shown, and the
    values that progress and disparities state."""
    shown: list[set[Atom]] = []
    hidden: list[set[Atom]] = []
    values: set[float] = set()
    stated: set[float] = set()
    wheres: list[str | None] = [None, *(f"race:{r}" for r in RACES)]
    for where, geography, org in itertools.product(wheres, [None, *GEOGRAPHIES],
                                                   [None, *ORGS]):
        params: dict[str, Any] = {k: v for k, v in {
            "where": where, "geography": geography, "organization_id": org}.items() if v}
        for by in ([None, "race"] if where is None else [None]):
            response = await api.get(f"{url}/series", headers=headers,
                                     params={**params, **({"by": by} if by else {})})
            if org is not None and response.status_code == 403:
                continue  # one organization's figures: refused to everyone else
            assert response.status_code == 200, response.text
            for series in response.json()["series"]:
                race = series["group"] or (where.split(":")[1] if where else None)
                for point in series["points"]:
                    cell = atoms(point["period"], race, geography, org)
                    if point["suppressed"]:
                        assert point["value"] is point["denominator"] is None
                        assert point["observations"] is None
                        hidden.append(cell)
                    else:
                        assert point["denominator"] == sum(COUNTS[a] for a in cell)
                        shown.append(cell)
                        values.add(round(point["value"], 6))
        for route, extra in (("progress", {"by": "race"}), ("disparities",
                                                            {"dimension": "race"})):
            response = await api.get(f"{url}/{route}", headers=headers,
                                     params={**params, **extra})
            if response.status_code == 200:
                stated |= values_in(response.json())
    return shown, hidden, values, stated


def recovered(hidden: Iterable[set[Atom]], shown: list[set[Atom]]) -> list[set[Atom]]:
    return [cell for cell in hidden
            if recoverable(_index(cell), [_index(s) for s in shown])]


def _index(cells: Iterable[Atom]) -> set[int]:
    order = sorted(COUNTS)
    return {order.index(a) for a in cells}


async def test_no_combination_of_filters_recovers_a_hidden_cell(
    api: httpx.AsyncClient, seeded: Any
) -> None:
    url = f"/v1/indicators/{seeded.indicator['id']}"
    shown, hidden, values, stated = await every_view(api, url, seeded.viewer)
    small = [{a} for a, n in COUNTS.items() if n < MINIMUM]
    assert {frozenset(h) for h in hidden} >= {frozenset(atoms("2024", "asian", None, None))}
    assert recovered(hidden, shown) == []
    assert recovered(small, shown) == []
    # Progress and disparities state no figure the series hide.
    assert stated
    assert stated <= values


async def test_a_partner_cannot_back_out_another_partners_small_cell(
    api: httpx.AsyncClient, seeded: Any
) -> None:
    ours, theirs = ORGS
    url = f"/v1/indicators/{seeded.indicator['id']}"
    headers = seeded.partner(ours)
    shown, *_ = await every_view(api, url, headers)
    own = await api.get(f"{url}/series", headers=headers,
                        params={"organization_id": str(ours), "by": "race"})
    assert own.status_code == 200
    assert not any(p["suppressed"] for s in own.json()["series"] for p in s["points"])
    known = [*shown, *({a} for a in COUNTS if a[3] == ours)]
    theirs_small = [{a} for a, n in COUNTS.items() if a[3] == theirs and n < MINIMUM]
    assert theirs_small
    assert recovered(theirs_small, known) == []
    refused = await api.get(f"{url}/series", headers=headers,
                            params={"organization_id": str(theirs)})
    assert refused.status_code == 403


async def test_statuses_shown_to_viewers_come_from_reviewed_data(
    api: httpx.AsyncClient, make_setup: Any
) -> None:
    setup = await make_setup(code="enrolled", unit="count", dimension_ids=[])
    url = f"/v1/indicators/{setup.indicator['id']}"
    targets = await api.put(f"{url}/targets", headers=setup.staff,
                            json={"targets": [{"period": "2026", "value": 100}]})
    assert targets.status_code == 200, targets.text
    org = uuid.uuid4()
    for period, value in (("2024", 10), ("2025", 12)):
        made = await api.post(f"{url}/observations", headers=setup.staff,
                              json={"period": period, "value": value})
        assert (await api.post(f"/v1/observations/{made.json()['id']}/review",
                               headers=setup.staff, json={"decision": "approve"})
                ).status_code == 200
    reviewed = (await api.get(url, headers=setup.viewer)).json()["progress_status"]
    # A partner's unreviewed 150 would meet the target; viewers must not learn of it.
    submitted = await api.post(f"{url}/observations", headers=setup.partner(org),
                               json={"period": "2026", "value": 150})
    assert submitted.status_code == 201, submitted.text
    seen = (await api.get(url, headers=setup.viewer)).json()
    progress = (await api.get(f"{url}/progress", headers=setup.viewer)).json()
    assert seen["progress_status"] == reviewed == progress["overall"]["status"]
    assert seen["progress_status"] != "target_met"
    assert seen["staff_progress_status"] is None
    listed = (await api.get(f"/v1/initiatives/{setup.initiative_id}/indicators",
                            headers=setup.partner(org))).json()["items"]
    assert [(i["progress_status"], i["staff_progress_status"]) for i in listed] == [
        (reviewed, None)]
    staff = (await api.get(url, headers=setup.staff)).json()
    assert staff["staff_progress_status"] == "target_met"
    assert staff["progress_status"] == reviewed
    # Approved, the figure reaches the reviewed view too.
    await api.post(f"/v1/observations/{submitted.json()['id']}/review", headers=setup.staff,
                   json={"decision": "approve"})
    assert (await api.get(url, headers=setup.viewer)).json()["progress_status"] == "target_met"


async def test_running_totals_do_not_give_a_small_increment_away(
    api: httpx.AsyncClient, make_setup: Any
) -> None:
    setup = await make_setup(code="served", unit="count", across_time="cumulative")
    rows = [{"indicator": "served", "period": p, "value": v,
             "disaggregation": {"race": r} if r else {}}
            for p, r, v in [("2024", "black", 50), ("2024", "white", 60), ("2024", None, 110),
                            ("2025", "black", 2), ("2025", "white", 40), ("2025", None, 42),
                            ("2026", "black", 30), ("2026", "white", 30), ("2026", None, 60)]]
    await setup.approved(api, rows)
    seen = (await api.get(f"/v1/indicators/{setup.indicator['id']}/series",
                          params={"by": "race"}, headers=setup.viewer)).json()
    points = {(s["group"], p["period"]): p for s in seen["series"] for p in s["points"]}
    # Black went from 50 to 52: showing both running totals would reveal 2 new cases.
    assert points[("black", "2024")]["value"] == 50
    assert points[("black", "2025")]["suppressed"] is True
    assert points[("white", "2025")]["suppressed"] is True  # else 152 - 100 - 50 gives it
    # Hidden from then on: 2026's 82 beside 2024's 50 would give 2 + 30 away, and with
    # white's shown increments, the 2.
    assert points[("black", "2026")]["suppressed"] is True
    total = (await api.get(f"/v1/indicators/{setup.indicator['id']}/series",
                           headers=setup.viewer)).json()["series"][0]["points"]
    assert [p["value"] for p in total] == [110, 152, 212]
