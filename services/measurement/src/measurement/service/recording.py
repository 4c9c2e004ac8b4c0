"""Recording observations: one path for single writes, JSON batches and CSV imports.

Rows are checked one by one (``row_checks``), copied into a staging table (COPY), then
written in set-based statements reading it: one lookup of the existing observations
(locked) that classifies each row; for corrections, one copy of their current versions
into the history; and one statement that upserts the changed rows and adds one outbox
event per observation. Dry runs stop before writing.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from operator import attrgetter

from sqlalchemy import JSON, BigInteger, column, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.principal import Principal
from backbone.consistency import emitted
from backbone.contracts.measurement.events import OBSERVATION_RECORDED, OBSERVATION_REVISED
from backbone.db import ConcurrentWriteError
from backbone.events.set_based import insert_events, parameters
from backbone.staging import StagingTable
from measurement.domain.cells import Scheme
from measurement.events import outbox
from measurement.models import Indicator, Initiative
from measurement.reporting import RowOutcome, RowResult
from measurement.service.context import schemes_for
from measurement.service.row_checks import Prepared, RowChecker

_STAGING = StagingTable("observation_staging", [
    ("row", "int"), ("indicator_id", "uuid"), ("period", "varchar"), ("period_start", "date"),
    ("period_end", "date"), ("cell", "text"), ("disaggregation", "jsonb"),
    ("geography", "varchar"), ("organization_id", "uuid"), ("value", "float8"),
    ("numerator", "float8"), ("denominator", "float8"), ("source", "text"),
    ("comment", "text"),
], generated=[("id", "uuid DEFAULT gen_random_uuid()")])
"""The rows of one write, as checked; the id is a new observation's, should it be one."""

_OUTCOMES = {outcome.value: outcome for outcome in RowOutcome}

# Keys are looked up, and so locked, then written in one order shared by every writer, so
# concurrent batches never wait on each other in a cycle.
_KEY_ORDER = "indicator_id, cell, period, geography, organization_id"


class Recorder(RowChecker):
    """Checks and stores observations for one initiative on behalf of one caller."""

    def __init__(self, session: AsyncSession, principal: Principal, initiative: Initiative,
                 indicators: Sequence[Indicator], schemes: dict[uuid.UUID, Scheme]) -> None:
        super().__init__(principal, initiative, indicators, schemes)
        self.session = session
        self.withdrawn: dict[uuid.UUID, set[str]] = {}
        """Per indicator, the periods where a correction withdrew approved data."""
        self.changed: dict[uuid.UUID, set[str]] = {}
        """Per indicator, the periods where observations were created or corrected."""

    @classmethod
    async def for_initiative(cls, session: AsyncSession, principal: Principal,
                             initiative: Initiative) -> Recorder:
        indicators = list((await session.execute(
            select(Indicator).where(Indicator.initiative_id == initiative.id))).scalars())
        return cls(session, principal, initiative, indicators,
                   await schemes_for(session, indicators))

    async def store(self, rows: Sequence[Prepared], *, dry_run: bool) -> list[RowResult]:
        """Classify rows as created, updated or unchanged (in row order); write them
        unless dry-run."""
        if not rows:
            return []
        connection = await _STAGING.fill(self.session, (row.staged() for row in rows))
        by_row = {row.row: row for row in rows}
        results: list[RowResult] = []
        corrected: list[uuid.UUID] = []
        new = 0
        for number, id_, status, found in await connection.fetch(_CLASSIFY):
            outcome = _OUTCOMES[found]
            results.append(RowResult(row=number, outcome=outcome, observation_id=id_))
            if outcome is RowOutcome.UNCHANGED:
                continue
            row = by_row[number]
            self.changed.setdefault(row.indicator.id, set()).add(row.period.code)
            if outcome is RowOutcome.CREATED:
                new += 1
            else:
                corrected.append(id_)
                if status == "approved":
                    self.withdrawn.setdefault(row.indicator.id, set()).add(row.period.code)
        results.sort(key=attrgetter("row"))
        if (new or corrected) and not dry_run:
            if corrected:
                await archive(self.session, corrected)
            await self._upsert(new)
        return results

    async def _upsert(self, new: int) -> None:
        """Write the staged rows that changed, ``new`` of which were not stored when looked
        up.

        A row seen as missing may have been inserted by a concurrent batch since (the
        lookup cannot lock what does not exist yet); the upsert then corrects that row
        without archiving its first version. So if fewer rows were inserted than expected,
        the transaction is run again, and this time the lookup finds (and locks) them.
        """
        inserted, last = (await self.session.execute(_UPSERT, {
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


# Each staged row's stored observation, looked up in the key's index row by row (a lateral
# join: a join planned on stale statistics read and sorted the whole table for every
# batch) and locked, in key order; classified as created, updated or unchanged. Unchanged
# rows leave the staging table: what remains there is what the upsert writes.
_CLASSIFY = f"""
WITH found AS (
    SELECT s.row, coalesce(o.id, s.id) AS id, o.status,
           CASE WHEN o.id IS NULL THEN 'created'
                WHEN (o.value, o.numerator, o.denominator, o.source, o.comment)
                     IS NOT DISTINCT FROM
                     (s.value, s.numerator, s.denominator, s.source, s.comment)
                THEN 'unchanged' ELSE 'updated' END AS outcome
    FROM (SELECT * FROM observation_staging ORDER BY {_KEY_ORDER}) AS s
    LEFT JOIN LATERAL (
        SELECT o.id, o.value, o.numerator, o.denominator, o.source, o.comment, o.status
        FROM observations o
        WHERE o.indicator_id = s.indicator_id AND o.cell = s.cell
          AND o.period = s.period AND o.geography = s.geography
          AND o.organization_id IS NOT DISTINCT FROM s.organization_id
        FOR NO KEY UPDATE
    ) AS o ON true
), dropped AS (
    DELETE FROM observation_staging AS s USING found AS f
    WHERE s.row = f.row AND f.outcome = 'unchanged'
)
SELECT row, id, status, outcome FROM found
"""


async def archive(session: AsyncSession, ids: Sequence[uuid.UUID]) -> None:
    """Copy the current versions of observations about to change into their history (one
    lookup by id each, like the recorder's lookup by key, whatever the statistics say)."""
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
_UPSERT_SQL = f"""
WITH upserted AS (
    INSERT INTO observations AS o (
        id, tenant, initiative_id, indicator_id, period, period_start, period_end, cell,
        disaggregation, geography, organization_id, value, numerator, denominator, source,
        comment, status, review_note, recorded_by, last_change, changed_by, version,
        created_at, updated_at)
    SELECT id, :tenant, :initiative, indicator_id, period, period_start, period_end, cell,
           disaggregation, geography, organization_id, value, numerator, denominator, source,
           comment, 'submitted', '', :by, 'recorded', :by, 1, now(), now()
    FROM observation_staging ORDER BY {_KEY_ORDER}
    ON CONFLICT (indicator_id, cell, period, geography, organization_id) DO UPDATE SET
        value = excluded.value, numerator = excluded.numerator,
        denominator = excluded.denominator, source = excluded.source,
        comment = excluded.comment, status = 'submitted', review_note = '',
        reviewed_by = NULL, reviewed_at = NULL, recorded_by = excluded.recorded_by,
        last_change = 'revised', changed_by = excluded.changed_by,
        version = o.version + 1, updated_at = now()
    RETURNING o.*, (xmax = 0) AS inserted
), queued AS (
    {{QUEUED}}
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
