"""The views through the API, fed by agenda's and measurement's events as they arrive."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from activities.schemas.views import AlignmentRead, GapsRead, MapRead, OverlapsRead
from backbone.contracts.measurement.entities import ProgressStatus, Trend
from backbone.readmodels.measurement.feed import MeasurementFeed


async def _activity(api: httpx.AsyncClient, world: Any, **fields: Any) -> dict[str, Any]:
    made = await api.post(f"{world.base}/activities", headers=world.staff,
                          json=world.activity(**fields))
    assert made.status_code == 201, made.text
    return dict(made.json())


def _gaps(found: httpx.Response) -> set[tuple[str, tuple[str, ...], str | None]]:
    return {(g["kind"], tuple(g["geographies"]),
             g["widening"]["group"] if g["widening"] else None) for g in found.json()["gaps"]}


async def test_an_indicator_turning_off_track_is_a_gap_until_someone_works_on_it(
    api: httpx.AsyncClient, measurement: MeasurementFeed, world: Any,
) -> None:
    gaps = f"{world.base}/gaps"
    await _activity(api, world)  # on the strategy (so the goal is served), not the measure
    assert _gaps(await api.get(gaps, headers=world.viewer)) == set()
    await measurement.status(world.tenant.name, world.initiative_id, world.indicator_id,
                             ProgressStatus.ON_TRACK, ProgressStatus.OFF_TRACK)
    found = await api.get(gaps, headers=world.viewer)
    assert _gaps(found) == {("indicator_off_track_without_activity", (), None)}
    [gap] = found.json()["gaps"]
    assert gap["indicator_id"] == str(world.indicator_id)
    assert gap["reason"] == "'Reading' is off track and no running activity contributes to it."
    yesterday = (datetime.now(UTC) - timedelta(days=1)).date().isoformat()
    earlier = await api.get(gaps, headers=world.viewer, params={"as_of": yesterday})
    assert _gaps(earlier) == set()  # it went off track today

    await _activity(api, world, indicator_ids=[str(world.indicator_id)])
    assert _gaps(await api.get(gaps, headers=world.viewer)) == set()


async def test_need_vs_presence_a_widening_gap_nobody_serves(
    api: httpx.AsyncClient, measurement: MeasurementFeed, world: Any,
) -> None:
    """Latino and Black children's gaps widen; one activity serves Latino children, in n1
    only: the Latino gap is open in n2 and the south, the Black gap everywhere."""
    await measurement.disparities(world.tenant.name, world.initiative_id, world.indicator_id,
                                  world.dimension_id, "race", "white",
                                  {"latino": Trend.WIDENING, "black": Trend.WIDENING})
    gaps = f"{world.base}/gaps"
    assert _gaps(await api.get(gaps, headers=world.viewer)) == {
        ("strategy_without_activity", (), None), ("goal_without_activity", (), None),
        ("widening_gap_without_activity", (), "latino"),
        ("widening_gap_without_activity", (), "black")}
    served = await _activity(api, world, indicator_ids=[str(world.indicator_id)],
                             geographies=["n1"],
                             populations=[{"dimension": "race", "option": "latino"}])
    found = await api.get(gaps, headers=world.viewer,
                          params={"kind": "widening_gap_without_activity"})
    GapsRead.model_validate_json(found.content)
    assert _gaps(found) == {("widening_gap_without_activity", ("n2", "south"), "latino"),
                            ("widening_gap_without_activity", (), "black")}
    [latino] = [g for g in found.json()["gaps"] if g["widening"]["group"] == "latino"]
    assert latino["activity_ids"] == [served["id"]]
    assert latino["widening"]["last_gap"] == -10.0
    assert found.json()["counts"]["widening_gap_without_activity"] == 2
    # The strategy is served in n1 only: the rest of the list is where nobody works on it.
    places = await api.get(gaps, headers=world.viewer,
                           params={"kind": "geography_without_activity"})
    assert _gaps(places) == {("geography_without_activity", ("n2", "south"), None)}


async def test_overlaps_until_the_organizations_say_they_reinforce_each_other(
    api: httpx.AsyncClient, world: Any,
) -> None:
    third_graders = [{"dimension": "race", "option": "latino"}]
    ours = await _activity(api, world, geographies=["n1"], populations=third_graders,
                           start_date="2026-01-01")
    theirs = await _activity(api, world, lead_organization_id=str(world.other_org),
                             title="Homework club", geographies=["north"])
    await _activity(api, world, lead_organization_id=str(world.other_org),
                    title="Elsewhere", geographies=["s1"])
    url = f"{world.base}/overlaps"
    answer = await api.get(url, headers=world.viewer)
    OverlapsRead.model_validate_json(answer.content)  # the documented shape, exactly
    [overlap] = answer.json()["overlaps"]
    assert {a["id"] for a in overlap["activities"]} == {ours["id"], theirs["id"]}
    assert (overlap["geographies"], overlap["populations"], overlap["start_date"],
            overlap["marked_duplicate"]) == (["n1"], third_graders, "2026-01-01", False)
    linked = await api.post(f"/v1/activities/{theirs['id']}/links", headers=world.staff,
                            json={"to_activity_id": ours["id"], "kind": "reinforces"})
    assert linked.status_code == 201
    assert (await api.get(url, headers=world.viewer)).json()["overlaps"] == []


async def test_alignment_as_json_and_as_a_safe_csv(api: httpx.AsyncClient, world: Any) -> None:
    tutoring = await _activity(api, world, title="=HYPERLINK(\"http://evil\")",
                               geographies=["n1", "s1"])
    await api.post(f"/v1/activities/{tutoring['id']}/contributors", headers=world.staff,
                   json={"organization_id": str(world.funder), "role": "funding",
                         "money": {"amount": "1000", "currency": "USD"}})
    await api.post(f"/v1/activities/{tutoring['id']}/contributors", headers=world.staff,
                   json={"organization_id": str(world.funder), "role": "extending",
                         "money": {"amount": "500", "currency": "USD"}})
    url = f"{world.base}/alignment"
    answer = await api.get(url, headers=world.viewer)
    AlignmentRead.model_validate_json(answer.content)  # the documented shape, exactly
    matrix = answer.json()
    cells = {(c["strategy_id"], c["organization_id"]): c for c in matrix["cells"]}
    lead = cells[(str(world.strategy_id), str(world.org))]["activities"][0]
    assert (lead["activity_id"], lead["roles"], lead["resources"]) == (
        tutoring["id"], ["lead"], None)
    funder = cells[(str(world.strategy_id), str(world.funder))]["activities"][0]
    assert funder["roles"] == ["extending", "funding"]
    assert funder["resources"]["money"] == [{"amount": "1500", "currency": "USD"}]
    assert [(a["id"], a["status"]) for a in matrix["activities"]] == [(tutoring["id"],
                                                                       "active")]
    assert {o["id"] for o in matrix["organizations"]} == {
        str(world.org), str(world.other_org), str(world.funder)}  # participants too
    answer = await api.get(url, headers=world.viewer, params={"by": "geography"})
    AlignmentRead.model_validate_json(answer.content)
    by_place = answer.json()
    assert by_place["geographies"] == ["n1", "s1"]
    assert len(by_place["cells"]) == 4  # two organizations in two places

    for extra in ({"params": {"format": "csv"}}, {"headers": {"Accept": "text/csv"}}):
        answer = await api.get(url, headers={**world.viewer, **extra.get("headers", {})},
                               params=extra.get("params", {}))
        assert answer.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(answer.text)))
        assert len(rows) == 2
        assert {r["activity"] for r in rows} == {"'=HYPERLINK(\"http://evil\")"}
        assert {r["roles"] for r in rows} == {"lead", "extending funding"}


async def test_the_map_measures_who_works_with_whom(api: httpx.AsyncClient, world: Any) -> None:
    """The partner leads with the funder's money; the other partner works alone on
    something linked to it: org - funder, org - other_org."""
    first = await _activity(api, world)
    await api.post(f"/v1/activities/{first['id']}/contributors", headers=world.staff,
                   json={"organization_id": str(world.funder), "role": "funding"})
    second = await _activity(api, world, lead_organization_id=str(world.other_org))
    await api.post(f"/v1/activities/{second['id']}/links", headers=world.staff,
                   json={"to_activity_id": first["id"], "kind": "reinforces"})
    answer = await api.get(f"{world.base}/map", headers=world.viewer)
    MapRead.model_validate_json(answer.content)  # the documented shape, exactly
    graph = answer.json()
    standing = {o["organization_id"]: o for o in graph["organizations"]}
    assert {o: (s["degree"], s["betweenness"], s["isolate"]) for o, s in standing.items()} == {
        str(world.org): (2, 1.0, False), str(world.funder): (1, 0.0, False),
        str(world.other_org): (1, 0.0, False)}
    types = {e["type"] for e in graph["elements"]}
    assert types == {"Organization", "Activity", "Strategy", "Goal", "Indicator"}
    ids = {e["id"] for e in graph["elements"]}
    assert all(c["from"] in ids and c["to"] in ids for c in graph["connections"])
    assert {(c["type"]) for c in graph["connections"]} >= {"leads", "funding", "serves",
                                                           "part of", "reinforces"}
