"""Snapshot + stream: a data team loads the export while partners keep writing, replays the
topic from the export's watermark (with the documented example, docs/examples), and ends
with exactly the data the service has: row for row, and the same series."""

from __future__ import annotations

import csv
import importlib.util
import io
import itertools
import random
import threading
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import duckdb

from backbone.consistency import HEADER
from backbone.testing import RunningService

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "rebuild_observations.py"
FIELDS = ("id", "indicator_id", "period", "disaggregation", "geography", "organization_id",
          "value", "numerator", "denominator", "status", "version")


def example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("rebuild_observations", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_snapshot_and_the_stream_from_its_watermark_rebuild_the_data(
    agenda_server: RunningService, measurement_server: RunningService
) -> None:
    rebuild = example()
    tenant = measurement_server.tenant
    with agenda_server.client() as agenda:
        made = agenda.post("/v1/initiatives", json={"name": "Rebuilt from the stream"})
    initiative = made.json()["id"]
    base = f"/v1/initiatives/{initiative}"
    with measurement_server.client(tenant.admin) as api:
        sex = api.post(f"{base}/dimensions", headers={HEADER: made.headers[HEADER]}, json={
            "code": "sex", "name": "Sex", "options": [{"code": "f", "label": "F"},
                                                      {"code": "m", "label": "M"}]})
        assert sex.status_code == 201, sex.text
        indicator = api.post(f"{base}/indicators", json={
            "code": "served", "name": "Children served", "unit": "count",
            "direction": "increase", "frequency": "monthly",
            "dimension_ids": [sex.json()["id"]]}).json()
        months = [f"{y}-{m:02d}" for y in range(2015, 2026) for m in range(1, 13)]
        cells: list[dict[str, str]] = [{}, {"sex": "f"}, {"sex": "m"}]
        seeded = api.post(f"{base}/observations/batch", json={"rows": [
            {"indicator": "served", "period": month, "value": 100 + i % 50,
             "disaggregation": cell, "geography": place}
            for i, (month, cell, place) in enumerate(itertools.product(
                months, cells, ("north", "south", "east")))]})
        assert seeded.status_code == 200, seeded.text
        ids = [r["observation_id"] for r in seeded.json()["results"]]

        stop = threading.Event()
        writes = _writer(measurement_server, base, months, ids, stop)
        exports: list[tuple[duckdb.DuckDBPyConnection, dict[int, int]]] = []
        try:
            while len(exports) < 3 or writes["count"] < 10:  # exports overlap the writes
                db = duckdb.connect()
                offsets = rebuild.load_snapshot(measurement_server.url,
                                                tenant.token("network:admin"), initiative, db)
                exports.append((db, offsets))
        finally:
            stop.set()
            writes["thread"].join(timeout=60)
        assert writes["errors"] == []

        db, offsets = exports[0]  # the oldest: the most to replay
        final = _rows(api, base)
        wanted = {(r["id"], int(r["version"])) for r in final}
        deadline = time.monotonic() + 60

        def caught_up() -> bool:
            held = set(db.execute("SELECT id, version FROM observations").fetchall())
            return wanted <= held or time.monotonic() > deadline

        applied = rebuild.replay(tenant.settings.kafka_bootstrap_servers, initiative,
                                 offsets, db, caught_up)
        assert applied > 0
        rebuilt = db.execute(f"SELECT {', '.join(FIELDS)} FROM observations").fetchall()
        assert sorted(map(_normal, rebuilt)) == sorted(_normal(tuple(r[f] or None
                                                                     for f in FIELDS))
                                                       for r in final)
        # The service's own series (staff: everything not rejected), from the rebuilt table
        # by the indicator's rules: a place's total where reported, else its groups' sum.
        series = api.get(f"/v1/indicators/{indicator['id']}/series").json()
        served = {p["period"]: p["value"] for p in series["series"][0]["points"]}
        totals = dict(db.execute("""
            WITH places AS (
                SELECT period, coalesce(max(value) FILTER (WHERE disaggregation = '{}'),
                                        sum(value)) AS value
                FROM observations WHERE status <> 'rejected' GROUP BY period, geography)
            SELECT period, sum(value) FROM places GROUP BY period""").fetchall())
        assert served == totals
        assert any(p["derived"] for p in series["series"][0]["points"])


def _writer(server: RunningService, base: str, months: list[str], ids: list[str],
            stop: threading.Event) -> dict[str, Any]:
    """Partners' writes, in a thread, until stopped: new figures, corrections, reviews."""
    state: dict[str, Any] = {"count": 0, "errors": []}
    rng = random.Random(20261202)

    def write() -> None:
        with server.client(server.tenant.admin) as api:
            while not stop.is_set():
                rows = [{"indicator": "served", "period": rng.choice(months),
                         "value": rng.randint(1, 500), "geography": rng.choice(
                             ("north", "south", "east", "west")),
                         "disaggregation": rng.choice([{}, {"sex": "f"}, {"sex": "m"}])}
                        for _ in range(20)]
                answer = api.post(f"{base}/observations/batch",  # repeated keys: row errors
                                  json={"mode": "partial", "rows": rows})
                if answer.status_code != 200:
                    state["errors"].append(answer.text)
                decision = rng.choice(["approve", "reject"])
                review = api.post(f"/v1/observations/{rng.choice(ids)}/review", json={
                    "decision": decision, "note": "checked"})
                if review.status_code != 200:
                    state["errors"].append(review.text)
                state["count"] += 1

    state["thread"] = threading.Thread(target=write, daemon=True)
    state["thread"].start()
    return state


def _rows(api: Any, base: str) -> list[dict[str, str]]:
    answer = api.get(f"{base}/observations/export", params={"status": "all"})
    assert answer.status_code == 200, answer.text
    return list(csv.DictReader(io.StringIO(answer.text)))


def _normal(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A row's fields typed alike, whether read from the CSV (text) or DuckDB."""
    out: list[Any] = []
    for name, value in zip(FIELDS, row, strict=True):
        if value is None or name in ("value", "numerator", "denominator"):
            out.append(None if value is None else float(value))
        else:
            out.append(int(value) if name == "version" else str(value))
    return tuple(out)
