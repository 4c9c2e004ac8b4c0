"""The raw baseline: FastAPI + asyncpg, plain queries, no library conventions."""

import os

import asyncpg
from fastapi import FastAPI, HTTPException

app = FastAPI()


@app.on_event("startup")
async def startup() -> None:
    app.state.pool = await asyncpg.create_pool(os.environ["RAW_DSN"], min_size=10, max_size=10)


@app.get("/initiatives/{id_}")
async def get_initiative(id_: str) -> dict:
    row = await app.state.pool.fetchrow("SELECT * FROM initiatives WHERE id = $1::uuid", id_)
    if row is None:
        raise HTTPException(404)
    return {k: (str(v) if v is not None else None) for k, v in row.items()}


@app.get("/series/{id_}")
async def get_series(id_: str, cell: str = "") -> list:
    """The observations a series is made of, as stored (no aggregation, no checks)."""
    rows = await app.state.pool.fetch(
        "SELECT period, period_end, value, numerator, denominator FROM observations"
        " WHERE indicator_id = $1::uuid AND cell = $2", id_, cell)
    return [[r["period"], str(r["period_end"]), r["value"], r["numerator"], r["denominator"]]
            for r in rows]
