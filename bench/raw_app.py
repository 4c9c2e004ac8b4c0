"""The raw baseline: FastAPI + asyncpg, plain queries, no library conventions."""

import json
import os
import uuid
from datetime import UTC, datetime

import asyncpg
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI()


@app.on_event("startup")
async def startup() -> None:
    app.state.pool = await asyncpg.create_pool(os.environ["RAW_DSN"], min_size=10, max_size=10)


class OrganizationIn(BaseModel):
    """The body agenda's create takes (the same fields, parsed the same way)."""

    name: str = Field(min_length=1, max_length=200)
    sector: str
    contact_name: str | None = None
    contact_email: str | None = None
    website: str | None = None
    external_ids: dict[str, str] = {}


_INSERT_ORGANIZATION = (
    "INSERT INTO organizations (id, tenant, name, sector, contact_name, contact_email,"
    " website, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8)")
_INSERT_EVENT = (
    "INSERT INTO outbox (id, topic, key, type, source, subject, dataschema, tenant, payload,"
    " created_at, published_at) VALUES ($1, 'bench.raw', $2, 'organization.created',"
    " '/backbone/bench', $2, 'none', $3, $4::jsonb, $5, $5)")


@app.post("/organizations", status_code=201)
async def create_organization(body: OrganizationIn, tenant: str) -> dict:
    """The raw write: one row and one outbox row with the row's state, in one transaction.
    The outbox row is stored as published, so that the service's relay does not spend the
    baseline's time sending it."""
    id_, now = uuid.uuid4(), datetime.now(UTC)
    state = {**body.model_dump(), "id": str(id_), "tenant": tenant, "version": 1,
             "created_at": now.isoformat(), "updated_at": now.isoformat()}
    async with app.state.pool.acquire() as connection, connection.transaction():
        await connection.execute(_INSERT_ORGANIZATION, id_, tenant, body.name, body.sector,
                                 body.contact_name, body.contact_email, body.website, now)
        await connection.execute(_INSERT_EVENT, uuid.uuid4(), str(id_), tenant,
                                 json.dumps(state), now)
    return state


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


def _plain(value: object) -> object:
    return value if value is None or isinstance(value, int | float | str) else str(value)


async def _fetch_all(queries: list[tuple[str, tuple]]) -> list:
    """Each query's rows, as lists of plain values, on one connection (as a session does)."""
    async with app.state.pool.acquire() as connection:
        return [[[_plain(v) for v in r.values()] for r in await connection.fetch(sql, *args)]
                for sql, args in queries]


_ACTIVITIES = ("SELECT id, title, status, start_date, end_date, lead_organization_id,"
               " strategy_ids, goal_ids, indicator_ids, geographies, populations"
               " FROM activities WHERE initiative_id = $1::uuid")
_GOALS = "SELECT id, title FROM agenda_goals WHERE initiative_id = $1::uuid"
_STRATEGIES = "SELECT id, title, goal_id FROM agenda_strategies WHERE initiative_id = $1::uuid"


@app.get("/gaps-rows/{id_}")
async def get_gaps_rows(id_: str) -> list:
    """The rows the gaps view reads (activities, agenda, places, measures as of now)."""
    latest = ("SELECT DISTINCT ON (indicator_id) indicator_id, {column} FROM {table}"
              " WHERE initiative_id = $1::uuid AND since < now()"
              " ORDER BY indicator_id, since DESC")
    return await _fetch_all([
        (_ACTIVITIES, (id_,)), (_GOALS, (id_,)), (_STRATEGIES, (id_,)),
        ("SELECT code, parent, name FROM geographies WHERE initiative_id = $1::uuid", (id_,)),
        ("SELECT id, code, name FROM measurement_indicators WHERE initiative_id = $1::uuid"
         " AND status <> 'retired'", (id_,)),
        (latest.format(column="status", table="measurement_progress_statuses"), (id_,)),
        (latest.format(column="dimensions", table="measurement_disparities"), (id_,))])


@app.get("/alignment-rows/{id_}")
async def get_alignment_rows(id_: str) -> list:
    """The rows the alignment matrix reads (activities, contributors, agenda, names)."""
    return await _fetch_all([
        (_ACTIVITIES, (id_,)),
        ("SELECT activity_id, organization_id, role, money_amount, money_currency,"
         " staff_hours, in_kind FROM contributors WHERE initiative_id = $1::uuid", (id_,)),
        (_GOALS, (id_,)), (_STRATEGIES, (id_,)),
        ("SELECT o.id, o.name FROM agenda_organizations o WHERE o.id IN (SELECT"
         " organization_id FROM agenda_participants WHERE initiative_id = $1::uuid)", (id_,))])


_LISTS = {"organizations": ("organizations", None), "participants": ("participants",
                                                                     "initiative_id"),
          "goals": ("goals", "initiative_id"), "decisions": ("decisions", "initiative_id"),
          "indicators": ("indicators", "initiative_id"),
          "dimensions": ("dimensions", "initiative_id"),
          "observations": ("observations", "indicator_id")}
"""A list's table and the column its path's id filters on (organizations: none)."""


@app.get("/list/{name}")
async def get_list(name: str, tenant: str, scope: str | None = None, limit: int = 50,
                   updated_since: str | None = None) -> dict:
    """A page of a list as the services order it (``updated_at, id``), every column; for
    organizations, their external ids too (a second query, as the service makes)."""
    table, column = _LISTS[name]
    where: list[str] = ["tenant = $1"]
    args: list[object] = [tenant]
    if column is not None:
        args.append(scope)
        where.append(f"{column} = ${len(args)}::uuid")
    if updated_since is not None:
        args.append(datetime.fromisoformat(updated_since))
        where.append(f"updated_at >= ${len(args)}::timestamptz")
    sql = (f"SELECT * FROM {table} WHERE {' AND '.join(where)}"
           f" ORDER BY updated_at, id LIMIT {int(limit) + 1}")
    async with app.state.pool.acquire() as connection:
        rows = await connection.fetch(sql, *args)
        items = [{k: _plain(v) for k, v in r.items()} for r in rows[:limit]]
        if name == "organizations":
            ids = await connection.fetch(
                "SELECT organization_id, system, external_id FROM organization_external_ids"
                " WHERE organization_id = ANY($1::uuid[])", [r["id"] for r in rows[:limit]])
            found: dict = {}
            for r in ids:
                found.setdefault(str(r["organization_id"]), {})[r["system"]] = r["external_id"]
            for item in items:
                item["external_ids"] = found.get(item["id"], {})
    last = rows[limit - 1] if len(rows) > limit else None
    return {"items": items,
            "next_cursor": f"{last['updated_at']}~{last['id']}" if last else None}


@app.get("/agenda/{id_}")
async def get_agenda(id_: str, tenant: str) -> dict:
    """The initiative's current revision: its number from the initiative, then the revision
    with its document (two queries on one connection, as the service makes)."""
    async with app.state.pool.acquire() as connection:
        number = await connection.fetchval(
            "SELECT agenda_revision FROM initiatives WHERE id = $1::uuid AND tenant = $2",
            id_, tenant)
        row = await connection.fetchrow(
            "SELECT number, change, changed_by, created_at, document FROM agenda_revisions"
            " WHERE initiative_id = $1::uuid AND tenant = $2 AND number = $3",
            id_, tenant, number)
    return {**{k: _plain(v) for k, v in row.items()}, "document": json.loads(row["document"])}


@app.get("/revisions/{id_}")
async def get_revisions(id_: str, tenant: str, limit: int = 50) -> list:
    """The initiative's newest revisions, without their documents."""
    async with app.state.pool.acquire() as connection:
        await connection.fetchval(
            "SELECT agenda_revision FROM initiatives WHERE id = $1::uuid AND tenant = $2",
            id_, tenant)
        rows = await connection.fetch(
            "SELECT number, change, changed_by, created_at FROM agenda_revisions"
            " WHERE initiative_id = $1::uuid AND tenant = $2 ORDER BY number DESC LIMIT $3",
            id_, tenant, limit)
    return [{k: _plain(v) for k, v in r.items()} for r in rows]
