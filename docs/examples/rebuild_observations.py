"""Rebuild an initiative's observations from a snapshot and the event stream, in DuckDB.

    pip install httpx confluent-kafka duckdb
    python rebuild_observations.py http://127.0.0.1:8000 "$TOKEN" <initiative-id> \\
        --bootstrap 127.0.0.1:19092 --db observations.duckdb

1. Downloads the snapshot (``GET /v1/initiatives/{id}/observations/export?format=parquet``,
   ``status=all`` for backbone staff) and loads it into the table ``observations``.
2. Reads the watermark (the ``Backbone-Watermark`` header: the offsets of
   ``backbone.measurement.v1`` read before the snapshot was taken) and consumes the topic
   from there, keeping the initiative's observation events (the initiative is the key),
   and applies each one only if its ``version`` is newer than the row held: an event at
   or above the watermark may already be in the snapshot.
3. Stops when it has reached the end of every partition as it was when it started
   (``--follow`` keeps it running).

The table then holds exactly what the service holds, and stays current while it follows.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Callable
from pathlib import Path

import duckdb
import httpx
from confluent_kafka import Consumer, TopicPartition

OBSERVATION_EVENTS = ("recorded", "revised", "approved", "rejected")
TYPE_PREFIX = "org.backbone.measurement.observation."


def load_snapshot(base_url: str, token: str, initiative: str, db: duckdb.DuckDBPyConnection,
                  status: str = "all") -> dict[int, int]:
    """The snapshot into ``observations``; returns the watermark's offsets per partition."""
    url = f"{base_url}/v1/initiatives/{initiative}/observations/export"
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "snapshot.parquet"
        with httpx.stream("GET", url, params={"format": "parquet", "status": status},
                          headers={"Authorization": f"Bearer {token}"}, timeout=300) as answer:
            answer.raise_for_status()
            watermark = answer.headers["Backbone-Watermark"]
            with file.open("wb") as out:
                for chunk in answer.iter_bytes():
                    out.write(chunk)
        db.execute("CREATE OR REPLACE TABLE observations AS "
                   "SELECT * FROM read_parquet(?)", [str(file)])
    _, _, pairs = watermark.partition(":")
    return {int(p): int(o) for p, o in (pair.split("=") for pair in pairs.split(","))}


def apply(db: duckdb.DuckDBPyConnection, data: dict, at: str) -> None:
    """One observation event: insert the row, or replace it if the event is newer."""
    held = db.execute("SELECT version FROM observations WHERE id = ?", [data["id"]]).fetchone()
    if held is not None and held[0] >= data["version"]:
        return  # already in the snapshot (or a later change is)
    db.execute("DELETE FROM observations WHERE id = ?", [data["id"]])
    db.execute(
        "INSERT INTO observations (id, indicator_id, indicator_code, period, period_start, "
        "period_end, disaggregation, geography, organization_id, value, numerator, "
        "denominator, status, version, updated_at, suppressed) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)",
        [data["id"], data["indicator_id"], data["indicator_code"], data["period"],
         data["period_start"], data["period_end"],
         json.dumps(data["disaggregation"], sort_keys=True), data["geography"],
         data["organization_id"], data["value"], data["numerator"], data["denominator"],
         data["status"], data["version"], at])


def replay(bootstrap: str, initiative: str, offsets: dict[int, int],
           db: duckdb.DuckDBPyConnection, done: Callable[[], bool] | None = None,
           topic: str = "backbone.measurement.v1") -> int:
    """Consume from the watermark, applying the initiative's observation events, until
    ``done()`` (default: the end of each partition as it was at the start). Returns how
    many events were applied."""
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": f"rebuild-{initiative}",
                         "enable.auto.commit": False})
    ends = {p: consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=10)[1]
            for p in offsets}
    consumer.assign([TopicPartition(topic, p, o) for p, o in offsets.items()])
    position = dict(offsets)
    applied = 0
    try:
        while not (done() if done else all(position[p] >= ends[p] for p in ends)):
            message = consumer.poll(0.5)
            if message is None or message.error():
                continue
            position[message.partition()] = message.offset() + 1
            headers = {k: v.decode() for k, v in message.headers() or []}
            kind = headers.get("ce_type", "")
            if (message.key() or b"").decode() != initiative or not kind.startswith(
                    TYPE_PREFIX) or kind.removeprefix(TYPE_PREFIX) not in OBSERVATION_EVENTS:
                continue
            apply(db, json.loads(message.value()), headers["ce_time"])
            applied += 1
    finally:
        consumer.close()
    return applied


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("base_url")
    parser.add_argument("token")
    parser.add_argument("initiative")
    parser.add_argument("--bootstrap", default="127.0.0.1:19092")
    parser.add_argument("--db", default="observations.duckdb")
    parser.add_argument("--status", default="all", choices=["all", "approved"])
    parser.add_argument("--follow", action="store_true", help="keep applying new events")
    args = parser.parse_args()
    db = duckdb.connect(args.db)
    offsets = load_snapshot(args.base_url, args.token, args.initiative, db, args.status)
    print(f"snapshot: {db.execute('SELECT count(*) FROM observations').fetchone()[0]} rows")
    applied = replay(args.bootstrap, args.initiative, offsets, db,
                     (lambda: False) if args.follow else None)
    print(f"applied {applied} events; now "
          f"{db.execute('SELECT count(*) FROM observations').fetchone()[0]} rows")


if __name__ == "__main__":
    main()
