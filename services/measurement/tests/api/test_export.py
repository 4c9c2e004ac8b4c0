"""The observations export: the same snapshot as CSV and Parquet, its watermark, and what
each role may see in it (small cells blanked for viewers, as every other route does)."""

from __future__ import annotations

import csv
import io
import socket
import uuid
from typing import Any

import httpx
import pyarrow.parquet as pq
from fastapi import FastAPI

from backbone.events.watermark import HEADER, Watermark

NORTH_A = uuid.UUID("00000000-0000-4000-8000-00000000000a")
NORTH_B = uuid.UUID("00000000-0000-4000-8000-00000000000b")


async def export(api: httpx.AsyncClient, setup: Any, headers: dict[str, str],
                 **params: str) -> list[dict[str, str]]:
    response = await api.get(f"/v1/initiatives/{setup.initiative_id}/observations/export",
                             headers=headers, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.text)))


async def test_csv_and_parquet_hold_the_same_snapshot(
    api: httpx.AsyncClient, setup: Any
) -> None:
    rows = [{"indicator": "ready", "period": str(year), "numerator": 40 + year % 7,
             "denominator": 100, "disaggregation": {"race": race}}
            for year in range(2020, 2026) for race in ("black", "white")]
    made = await api.post(f"/v1/initiatives/{setup.initiative_id}/observations/batch",
                          headers=setup.staff, json={"rows": rows})
    ids = [r["observation_id"] for r in made.json()["results"]]
    for observation_id in ids[:4]:
        await api.post(f"/v1/observations/{observation_id}/review", headers=setup.staff,
                       json={"decision": "approve"})
    everything = await export(api, setup, setup.staff, status="all")
    assert sorted(r["id"] for r in everything) == sorted(ids)
    assert sorted(r["status"] for r in everything) == ["approved"] * 4 + ["submitted"] * 8
    approved = await export(api, setup, setup.staff)
    assert sorted(r["id"] for r in approved) == sorted(ids[:4])
    first = next(r for r in approved if r["id"] == ids[0])
    assert (first["period"], first["disaggregation"], first["numerator"], first["version"],
            first["suppressed"]) == ("2020", '{"race": "black"}', "44.0", "2", "false")

    response = await api.get(f"/v1/initiatives/{setup.initiative_id}/observations/export",
                             headers=setup.staff, params={"format": "parquet", "status": "all"})
    assert response.headers["content-type"] == "application/vnd.apache.parquet"
    table = pq.read_table(io.BytesIO(response.content))
    assert sorted(table.column("id").to_pylist()) == sorted(ids)
    assert table.schema.field("period_start").type.equals("date32[day]")
    watermark = Watermark.parse(response.headers[HEADER])
    assert watermark.topic == "backbone.measurement.v1"
    assert watermark.offsets  # one offset per partition
    assert table.schema.metadata[b"backbone.watermark"].decode() == response.headers[HEADER]


async def test_viewers_see_the_figures_they_are_shown_elsewhere_and_no_more(
    api: httpx.AsyncClient, setup: Any
) -> None:
    # 2025, north: two partners report Black children (so each row is one partner's
    # figure), and the Asian group is 4 children (small). 2024: nothing small.
    rows = [("2025", "north", NORTH_A, "black", 40), ("2025", "north", NORTH_B, "black", 35),
            ("2025", "north", NORTH_A, "asian", 4), ("2025", "north", NORTH_A, "white", 60),
            ("2025", "south", NORTH_A, "black", 30), ("2025", "south", NORTH_A, "white", 50),
            ("2024", "north", NORTH_A, "black", 38), ("2024", "south", NORTH_A, "white", 52)]
    await setup.approved(api, [
        {"indicator": "ready", "period": p, "geography": g, "organization_id": str(o),
         "numerator": n // 2, "denominator": n, "disaggregation": {"race": r}}
        for p, g, o, r, n in rows])
    seen = await export(api, setup, setup.viewer)
    shown = {(r["period"], r["geography"], r["disaggregation"].split('"')[3],
              r["suppressed"], r["denominator"]) for r in seen}
    # The two northern Black rows of 2025 are one partner's figures each: left out.
    assert {(p, g, race) for p, g, race, _, _ in shown} == {
        ("2025", "north", "asian"), ("2025", "north", "white"), ("2025", "south", "black"),
        ("2025", "south", "white"), ("2024", "north", "black"), ("2024", "south", "white")}
    assert ("2025", "north", "asian", "true", "") in shown  # small: blanked
    assert ("2024", "north", "black", "false", "38.0") in shown
    # Each row is blanked exactly when the series hide its figure, and shows what they show.
    url = f"/v1/indicators/{setup.indicator['id']}/series"
    for period, geography, race, suppressed, denominator in shown:
        [point] = (await api.get(url, headers=setup.viewer, params={
            "geography": geography, "where": f"race:{race}", "from": period,
            "to": period})).json()["series"][0]["points"]
        assert (point["suppressed"], point["denominator"]) == (
            suppressed == "true", float(denominator) if denominator else None)
    partner = await export(api, setup, setup.partner(NORTH_B))
    own = [r for r in partner if r["organization_id"] == str(NORTH_B)]
    assert [(r["denominator"], r["suppressed"]) for r in own] == [("35.0", "false")]
    refused = await api.get(f"/v1/initiatives/{setup.initiative_id}/observations/export",
                            headers=setup.viewer, params={"status": "all"})
    assert refused.status_code == 403
    assert refused.headers["content-type"] == "application/problem+json"


async def test_without_the_broker_there_is_no_watermark_and_a_503(
    api: httpx.AsyncClient, measurement_app: FastAPI, setup: Any
) -> None:
    settings = measurement_app.state.settings
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))  # a port nobody listens on
    port = closed.getsockname()[1]
    closed.close()
    measurement_app.state.settings = settings.model_copy(
        update={"kafka_bootstrap_servers": f"127.0.0.1:{port}"})
    try:
        answer = await api.get(f"/v1/initiatives/{setup.initiative_id}/observations/export",
                               headers=setup.staff)
    finally:
        measurement_app.state.settings = settings
    assert answer.status_code == 503
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["type"] == "urn:backbone:problem:unavailable"
