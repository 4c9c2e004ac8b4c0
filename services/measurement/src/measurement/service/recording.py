"""Recording observations: one path for single writes, JSON batches and CSV imports.

Rows are checked one by one (``row_checks``), then written in set-based statements: one
lookup of the existing observations (locked); for corrections, one copy of their current
versions into the history; and one statement that upserts the changed rows and adds one
outbox event per observation. Dry runs stop before writing.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import JSON, BigInteger, column, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.principal import Principal
from backbone.consistency import emitted
from backbone.contracts.measurement.events import OBSERVATION_RECORDED, OBSERVATION_REVISED
from backbone.db import ConcurrentWriteError
from backbone.events.set_based import insert_events, parameters
from measurement.domain.cells import Scheme
from measurement.events import outbox
from measurement.models import Indicator, Initiative
from measurement.reporting import RowOutcome, RowResult
from measurement.service.context import schemes_for
from measurement.service.row_checks import Prepared, RowChecker


class Recorder(RowChecker):
    """Checks and stores observations for one initiative on behalf of one caller."""

    def __init__(self, session: AsyncSession, principal: Principal, initiative: Initiative,
                 indicators: Sequence[Indicator], schemes: dict[uuid.UUID, Scheme]) -> None:
        super().__init__(principal, initiative, indicators, schemes)
        self.session = session
        self.withdrawn: dict[uuid.UUID, set[str]] = {}
        """Per indicator, the periods where a correction withdrew approved data."""

    @classmethod
    async def for_initiative(cls, session: AsyncSession, principal: Principal,
                             initiative: Initiative) -> Recorder:
        indicators = list((await session.execute(
            select(Indicator).where(Indicator.initiative_id == initiative.id))).scalars())
        return cls(session, principal, initiative, indicators,
                   await schemes_for(session, indicators))

    async def store(self, rows: Sequence[Prepared], *, dry_run: bool) -> list[RowResult]:
        """Classify rows as created, updated or unchanged; write them unless dry-run."""
        if not rows:
            return []
        # Keys are looked up, and so locked, then written in one order shared by every
        # writer, so concurrent batches never wait on each other in a cycle.
        ordered = sorted(rows, key=lambda r: tuple(str(part) for part in r.key))
        existing = await self._existing(ordered)
        results = [_classify(prepared, existing.get(prepared.row)) for prepared in rows]
        unchanged = {r.row for r in results if r.outcome is RowOutcome.UNCHANGED}
        changed = [prepared for prepared in ordered if prepared.row not in unchanged]
        if changed and not dry_run:
            corrected = [r.observation_id for r in results
                         if r.outcome is RowOutcome.UPDATED and r.observation_id]
            for prepared in changed:
                found = existing.get(prepared.row)
                if found is not None and found["status"] == "approved":
                    self.withdrawn.setdefault(prepared.indicator.id, set()).add(
                        prepared.period.code)
            if corrected:
                await archive(self.session, corrected)
            await self._upsert(changed, sum(r.outcome is RowOutcome.CREATED for r in results))
        return results

    async def _existing(self, rows: Sequence[Prepared]) -> dict[int, Any]:
        """The stored observations with the rows' keys, locked, by row number.

        One lookup in the key's index per row (a lateral join, with the key's column types,
        so no cast hides the index), whatever the table's statistics say: a join planned on
        stale statistics read and sorted the whole table for every batch.
        """
        result = await self.session.execute(text("""
            SELECT i.row, o.id, o.value, o.numerator, o.denominator, o.source, o.comment,
                   o.status
            FROM unnest(CAST(:rows AS int[]), CAST(:indicators AS uuid[]),
                        CAST(:periods AS varchar[]), CAST(:cells AS text[]),
                        CAST(:geographies AS varchar[]), CAST(:organizations AS uuid[]))
                 AS i(row, indicator_id, period, cell, geography, organization_id)
            CROSS JOIN LATERAL (
                SELECT o.id, o.value, o.numerator, o.denominator, o.source, o.comment,
                       o.status
                FROM observations o
                WHERE o.indicator_id = i.indicator_id AND o.cell = i.cell
                  AND o.period = i.period AND o.geography = i.geography
                  AND o.organization_id IS NOT DISTINCT FROM i.organization_id
                FOR NO KEY UPDATE
            ) o
        """), {
            "rows": [r.row for r in rows],
            "indicators": [r.indicator.id for r in rows],
            "periods": [r.period.code for r in rows],
            "cells": [r.cell for r in rows],
            "geographies": [r.geography for r in rows],
            "organizations": [r.organization_id for r in rows],
        })
        return {m["row"]: m for m in result.mappings()}

    async def _upsert(self, rows: Sequence[Prepared], new: int) -> None:
        """Write the rows, ``new`` of which were not stored when looked up.

        A row seen as missing may have been inserted by a concurrent batch since (the
        lookup cannot lock what does not exist yet); the upsert then corrects that row
        without archiving its first version. So if fewer rows were inserted than expected,
        the transaction is run again, and this time the lookup finds (and locks) them.
        """
        inserted, last = (await self.session.execute(_UPSERT, {
            "ids": [r.id for r in rows],
            "indicators": [r.indicator.id for r in rows],
            "periods": [r.period.code for r in rows],
            "starts": [r.period.start for r in rows],
            "ends": [r.period.end for r in rows],
            "cells": [r.cell for r in rows],
            "disaggregations": [json.dumps(r.disaggregation) for r in rows],
            "geographies": [r.geography for r in rows],
            "organizations": [r.organization_id for r in rows],
            "values": [r.value for r in rows],
            "numerators": [r.numerator for r in rows],
            "denominators": [r.denominator for r in rows],
            "sources": [r.source for r in rows],
            "comments": [r.comment for r in rows],
            "tenant": self.principal.tenant,
            "initiative": self.initiative.id,
            "by": self.principal.sub,
            **parameters(outbox),
        })).one()
        for key, type_, event_id in last or []:
            emitted(self.session, key, type_, event_id)
        if inserted != new:
            raise ConcurrentWriteError(
                f"{new - inserted} of the observations were written by a concurrent batch")


def _classify(row: Prepared, found: Any) -> RowResult:
    """Created, or (against the stored observation ``found``) updated or unchanged."""
    if found is None:
        return RowResult(row=row.row, outcome=RowOutcome.CREATED, observation_id=row.id)
    outcome = RowOutcome.UNCHANGED if _same_figures(found, row) else RowOutcome.UPDATED
    return RowResult(row=row.row, outcome=outcome, observation_id=found["id"])


def _same_figures(found: Any, row: Prepared) -> bool:
    return (found["value"], found["numerator"], found["denominator"], found["source"],
            found["comment"]) == (row.value, row.numerator, row.denominator, row.source,
                                  row.comment)


async def archive(session: AsyncSession, ids: Sequence[uuid.UUID]) -> None:
    """Copy the current versions of observations about to change into their history (one
    lookup by id each, like ``Recorder._existing``, whatever the statistics say)."""
    await session.execute(text("""
        INSERT INTO observation_revisions (
            observation_id, version, change, value, numerator, denominator, source, comment,
            status, note, changed_by, changed_at)
        SELECT o.id, o.version, o.last_change, o.value, o.numerator, o.denominator, o.source,
               o.comment, o.status, o.review_note, o.changed_by, o.updated_at
        FROM unnest(CAST(:ids AS uuid[])) AS i(id)
        CROSS JOIN LATERAL (SELECT * FROM observations o WHERE o.id = i.id) o
    """), {"ids": list(ids)})


# One statement: upsert the rows and add one event per observation; it returns how many
# rows were inserted (rather than updated), and the last event of each type (for the
# write's consistency token).
# ``xmax = 0`` tells a fresh insert from an update of a row that already existed.
_UPSERT_SQL = """
WITH incoming AS (
    SELECT * FROM unnest(
        CAST(:ids AS uuid[]), CAST(:indicators AS uuid[]), CAST(:periods AS text[]),
        CAST(:starts AS date[]), CAST(:ends AS date[]), CAST(:cells AS text[]),
        CAST(:disaggregations AS jsonb[]), CAST(:geographies AS text[]),
        CAST(:organizations AS uuid[]), CAST(:values AS float8[]),
        CAST(:numerators AS float8[]), CAST(:denominators AS float8[]),
        CAST(:sources AS text[]), CAST(:comments AS text[]))
    AS t(id, indicator_id, period, period_start, period_end, cell, disaggregation, geography,
         organization_id, value, numerator, denominator, source, comment)
), upserted AS (
    INSERT INTO observations AS o (
        id, tenant, initiative_id, indicator_id, period, period_start, period_end, cell,
        disaggregation, geography, organization_id, value, numerator, denominator, source,
        comment, status, review_note, recorded_by, last_change, changed_by, version,
        created_at, updated_at)
    SELECT id, :tenant, :initiative, indicator_id, period, period_start, period_end, cell,
           disaggregation, geography, organization_id, value, numerator, denominator, source,
           comment, 'submitted', '', :by, 'recorded', :by, 1, now(), now()
    FROM incoming
    ON CONFLICT (indicator_id, cell, period, geography, organization_id) DO UPDATE SET
        value = excluded.value, numerator = excluded.numerator,
        denominator = excluded.denominator, source = excluded.source,
        comment = excluded.comment, status = 'submitted', review_note = '',
        reviewed_by = NULL, reviewed_at = NULL, recorded_by = excluded.recorded_by,
        last_change = 'revised', changed_by = excluded.changed_by,
        version = o.version + 1, updated_at = now()
    RETURNING o.*, (xmax = 0) AS inserted
), queued AS (
    {QUEUED}
)
SELECT (SELECT count(*) FILTER (WHERE inserted) FROM upserted),
       (SELECT json_agg(json_build_array(key, type, id))
        FROM (SELECT DISTINCT ON (key, type) key, type, id FROM queued
              ORDER BY key, type, seq DESC) AS last)
"""
_QUEUED = insert_events(
    "upserted u JOIN indicators ind ON ind.id = u.indicator_id", alias="u",
    key="u.initiative_id::text", subject="u.id::text", tenant="u.tenant",
    initiative="u.initiative_id::text",
    types=[("u.inserted", OBSERVATION_RECORDED), ("", OBSERVATION_REVISED)],
    fields={"indicator_code": "ind.code", "changed_by": ":by", "note": "''"})
_UPSERT = text(_UPSERT_SQL.replace("{QUEUED}", _QUEUED)).columns(
    column("inserted", BigInteger), column("last", JSON))
