"""Bulk imports: JSON batches and CSV files, with per-row results."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
from sqlalchemy import text

from backbone.testing import collect_events, every_tenant

ROWS = 10_000


def _batch(setup: Any, bad: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """10,000 cells: 2,500 months x 4 race groups of a monthly count, some rows spoiled."""
    races = ["asian", "black", "latino", "white"]
    rows = [{"indicator": "enrolled", "period": f"{1900 + i // 48}-{(i // 4) % 12 + 1:02d}",
             "disaggregation": {"race": races[i % 4]}, "value": float(i % 97)}
            for i in range(ROWS)]
    for index, change in bad.items():
        rows[index] = {**rows[index], **change} if isinstance(change, dict) else change
    return rows


BAD: dict[int, Any] = {
    17: {"period": "2026-13"},                          # no such month
    250: {"disaggregation": {"race": "martian"}},       # unknown option
    4_000: {"value": -5.0},                             # negative count
    6_001: {"indicator": "nope"},                       # unknown indicator
    9_999: {"period": "2026Q1"},                        # a quarter for a monthly indicator
    # and what a spreadsheet pasted into JSON brings: each that row's error, like the above
    300: {"value": "lots"},                             # not a number
    301: {"organization_id": "Riverside Tutors"},       # not an id
    302: {"disaggregation": ["race", "black"]},         # wrong JSON type
    303: {"colour": "red"},                             # unknown field
    304: 42,                                            # not a row at all
}


async def test_ten_thousand_rows_with_a_handful_of_bad_ones(
    api: httpx.AsyncClient, make_setup: Any, infra: Any,
) -> None:
    setup = await make_setup(code="enrolled", name="Children enrolled", unit="count",
                             frequency="monthly")
    url = f"/v1/initiatives/{setup.initiative_id}/observations/batch"
    rows = _batch(setup, BAD)

    refused = await api.post(url, headers=setup.staff, json={"rows": rows})
    assert refused.status_code == 422
    problem = refused.json()
    assert problem["type"] == "urn:backbone:problem:invalid-rows"
    assert sorted(e["loc"][2] for e in problem["errors"]) == sorted(BAD)
    assert await _stored(api, setup) == 0

    dry = await api.post(url, headers=setup.staff,
                         json={"rows": rows, "mode": "partial", "dry_run": True})
    assert dry.status_code == 200
    assert dry.json()["summary"] == {"rows": ROWS, "created": ROWS - len(BAD), "updated": 0,
                                     "unchanged": 0, "errors": len(BAD)}
    assert dry.json()["applied"] is False
    assert await _stored(api, setup) == 0

    partial = await api.post(url, headers=setup.staff, json={"rows": rows, "mode": "partial"})
    assert partial.status_code == 200, partial.text
    result = partial.json()
    assert result["summary"]["created"] == ROWS - len(BAD)
    errors = {r["row"]: r["error"] for r in result["results"] if r["outcome"] == "error"}
    assert set(errors) == set(BAD)
    assert "martian" in errors[250]
    assert "quarter" in errors[9_999]
    assert errors[300] == 'value: Input should be a valid number (got "lots")'
    assert errors[301].startswith("organization_id: Input should be a valid UUID")
    assert errors[302] == "disaggregation: Input should be an object"
    assert errors[303] == "colour: unknown field"
    assert errors[304] == "a row must be an object"
    assert await _stored(api, setup) == ROWS - len(BAD)

    # Again, with two corrections: the rest is unchanged and stays at version 1.
    rows[0] = {**rows[0], "value": 1234.0}
    rows[1] = {**rows[1], "comment": "recounted"}
    again = (await api.post(url, headers=setup.staff,
                            json={"rows": rows, "mode": "partial"})).json()
    assert again["summary"] == {"rows": ROWS, "created": 0, "updated": 2,
                                "unchanged": ROWS - 2 - len(BAD), "errors": len(BAD)}

    events = await collect_events(
        infra.bootstrap_servers, "backbone.measurement.v1",
        until=lambda evs: _count(evs, setup, "import.completed") >= 2)
    mine = [e for e in events if e.initiative == str(setup.initiative_id)]
    assert _count(mine, setup, "observation.recorded") == ROWS - len(BAD)
    assert _count(mine, setup, "observation.revised") == 2
    assert len({e.id for e in mine}) == len(mine)
    revised = next(e for e in mine if e.type.endswith("observation.revised")
                   and e.data["value"] == 1234.0)
    assert revised.data["version"] == 2
    assert revised.data["indicator_code"] == "enrolled"


def _count(events: list[Any], setup: Any, name: str) -> int:
    return sum(1 for e in events if e.type.endswith(name)
               and e.initiative == str(setup.initiative_id))


async def _query(api: httpx.AsyncClient, sql: str, **params: Any) -> list[Any]:
    """Rows straight from the service's database (what the API does not show)."""
    app = api._transport.app  # type: ignore[attr-defined]
    async with every_tenant(app)() as session:
        return [tuple(row) for row in await session.execute(text(sql), params)]


async def _stored(api: httpx.AsyncClient, setup: Any) -> int:
    [(count,)] = await _query(api, "SELECT count(*) FROM observations WHERE initiative_id = :i",
                              i=setup.initiative_id)
    return int(count)


CSV = ("\ufeffIndicator Code,Period,Race,Numerator,Denominator,Entered by\r\n"
       "\r\n"
       "ready,2024,Black,\"1,020\",\"2,000\",Maria\r\n"
       "ready,2024,white,1500,2000,\r\n"
       ",,,,,\r\n"
       "ready,2024,purple,10,20,Sam\r\n"
       "ready,2025,Black,900,800,Sam\r\n")


async def test_csv_import_from_a_spreadsheet(api: httpx.AsyncClient, setup: Any) -> None:
    url = f"/v1/initiatives/{setup.initiative_id}/observations/import"
    headers = {**setup.staff, "Content-Type": "text/csv"}
    refused = await api.post(url, headers=headers, content=CSV.encode())
    assert refused.status_code == 422
    assert [e["loc"][2] for e in refused.json()["errors"]] == [6, 7]

    dry = await api.post(url, params={"mode": "partial", "dry_run": "true"}, headers=headers,
                         content=CSV.encode())
    assert dry.json()["summary"]["created"] == 2
    assert await _stored(api, setup) == 0

    done = await api.post(url, params={"mode": "partial"}, headers=headers,
                          content=CSV.encode())
    assert done.status_code == 200, done.text
    body = done.json()
    assert body["ignored_columns"] == ["Entered by"]
    outcomes = {r["row"]: (r["outcome"], r["error"]) for r in body["results"]}
    assert outcomes[3][0] == outcomes[4][0] == "created"
    assert "'purple' is not an option" in outcomes[6][1]
    assert "cannot exceed its denominator" in outcomes[7][1]
    series = (await api.get(f"/v1/indicators/{setup.indicator['id']}/series",
                            params={"by": "race"}, headers=setup.staff)).json()
    values = {s["group"]: [p["value"] for p in s["points"]] for s in series["series"]}
    assert values["black"] == [51.0]
    assert values["white"] == [75.0]
    assert values["asian"] == []


async def test_partners_import_only_for_their_organization(
    api: httpx.AsyncClient, setup: Any
) -> None:
    mine, theirs = uuid.uuid4(), uuid.uuid4()
    rows = [{"indicator": "ready", "period": "2024", "numerator": 5, "denominator": 10},
            {"indicator": "ready", "period": "2025", "numerator": 5, "denominator": 10,
             "organization_id": str(theirs)}]
    result = await api.post(f"/v1/initiatives/{setup.initiative_id}/observations/batch",
                            headers=setup.partner(mine), json={"rows": rows, "mode": "partial"})
    assert result.status_code == 200
    outcomes = [r["outcome"] for r in result.json()["results"]]
    assert outcomes == ["created", "error"]
    listed = (await api.get(f"/v1/indicators/{setup.indicator['id']}/observations",
                            headers=setup.staff)).json()["items"]
    assert [o["organization_id"] for o in listed] == [str(mine)]


async def test_duplicate_rows_in_one_batch(api: httpx.AsyncClient, setup: Any) -> None:
    row = {"indicator": "ready", "period": "2024", "numerator": 5, "denominator": 10}
    result = await api.post(f"/v1/initiatives/{setup.initiative_id}/observations/batch",
                            headers=setup.staff, json={"rows": [row, row], "mode": "partial"})
    assert [r["error"] for r in result.json()["results"]] == [None, "the same observation as "
                                                                    "row 0"]


async def test_concurrent_batches_over_the_same_keys_keep_every_version(
    api: httpx.AsyncClient, make_setup: Any,
) -> None:
    """Two batches with the same 5,000 keys, sent at once (the second in reverse order):
    one creates every observation and the other corrects each one, which keeps the
    first version in its history; neither reports a correction as a creation."""
    setup = await make_setup(code="enrolled", name="Children enrolled", unit="count",
                             frequency="monthly")
    url = f"/v1/initiatives/{setup.initiative_id}/observations/batch"
    first = _batch(setup, {})[:5_000]
    second = [{**row, "value": row["value"] + 1000} for row in reversed(first)]

    responses = await asyncio.gather(
        api.post(url, headers=setup.staff, json={"rows": first}),
        api.post(url, headers=setup.staff, json={"rows": second}))

    assert [r.status_code for r in responses] == [200, 200]
    summaries = sorted((r.json()["summary"]["created"], r.json()["summary"]["updated"])
                       for r in responses)
    assert summaries == [(0, 5_000), (5_000, 0)]
    versions = await _query(api, "SELECT version, count(*) FROM observations"
                                 " WHERE initiative_id = :i GROUP BY version",
                            i=setup.initiative_id)
    archived = await _query(api, "SELECT count(*) FROM observation_revisions r JOIN"
                                 " observations o ON o.id = r.observation_id"
                                 " WHERE o.initiative_id = :i", i=setup.initiative_id)
    assert versions == [(2, 5_000)]
    assert archived == [(5_000,)]
