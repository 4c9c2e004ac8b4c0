"""Recording observations: one path for single writes, JSON batches and CSV imports.

Rows are checked one by one in Python (a bad row gets its reason and never touches the
others), then written in set-based statements: one lookup of the existing observations
(locked); for corrections, one copy of their current versions into the history; and one
statement that upserts the changed rows and adds one outbox event per observation. Dry runs
stop before writing.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, BigInteger, column, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.principal import InitiativeRole, Principal
from backbone.consistency import emitted
from backbone.db import ConcurrentWriteError
from backbone.events.set_based import insert_events, parameters
from measurement.domain.cells import Scheme, cell_key
from measurement.domain.periods import FREQUENCY_KINDS, Period, PeriodError, parse_period
from measurement.events import OBSERVATION_RECORDED, OBSERVATION_REVISED, outbox
from measurement.models import Indicator, Initiative
from measurement.schemas import (
    RATIO_UNITS,
    BatchRow,
    IndicatorStatus,
    ObservationIn,
    RowOutcome,
    RowResult,
    Unit,
)
from measurement.service.context import schemes_for

RATIO_TOLERANCE = 1e-6


def new_ids() -> Iterator[uuid.UUID]:
    """Random (version 4) UUIDs, drawing randomness for a thousand at a time."""
    while True:
        pool = os.urandom(16 * 1024)
        for offset in range(0, len(pool), 16):
            yield uuid.UUID(bytes=pool[offset:offset + 16], version=4)


class RowError(ValueError):
    """Why one row cannot be recorded."""


class ForbiddenRowError(RowError):
    """The caller may not record this row (a permission failure, 403 for a single write)."""


@dataclass(frozen=True, slots=True)
class Prepared:
    """A checked row, ready to store."""

    row: int
    id: uuid.UUID
    indicator: Indicator
    period: Period
    cell: str
    disaggregation: dict[str, str]
    geography: str
    organization_id: uuid.UUID | None
    value: float | None
    numerator: float | None
    denominator: float | None
    source: str
    comment: str

    @property
    def key(self) -> tuple[Any, ...]:
        """The observation's key, in the column order of its index."""
        return (self.indicator.id, self.cell, self.period.code, self.geography,
                self.organization_id)


class Recorder:
    """Checks and stores observations for one initiative on behalf of one caller."""

    def __init__(self, session: AsyncSession, principal: Principal, initiative: Initiative,
                 indicators: Sequence[Indicator], schemes: dict[uuid.UUID, Scheme]) -> None:
        self.session = session
        self.principal = principal
        self.initiative = initiative
        self.by_id = {i.id: i for i in indicators}
        self.by_code = {i.code: i for i in indicators}
        self.schemes = schemes
        self.is_staff = principal.has_role(initiative.id, InitiativeRole.BACKBONE)
        self.retired = {i.id for i in indicators if i.status == IndicatorStatus.RETIRED}
        self._ids = new_ids()
        self._periods: dict[str, Period] = {}
        self._cells: dict[tuple[Any, ...], tuple[str, str | None]] = {}
        self.withdrawn: dict[uuid.UUID, set[str]] = {}
        """Per indicator, the periods where a correction withdrew approved data."""

    @classmethod
    async def for_initiative(cls, session: AsyncSession, principal: Principal,
                             initiative: Initiative) -> Recorder:
        indicators = list((await session.execute(
            select(Indicator).where(Indicator.initiative_id == initiative.id))).scalars())
        return cls(session, principal, initiative, indicators,
                   await schemes_for(session, indicators))

    # --- checking ---------------------------------------------------------------------------

    def prepare(self, index: int, row: ObservationIn, indicator: Indicator | None = None
                ) -> Prepared:
        if indicator is None:
            indicator = self._indicator_of(row)
        if indicator.id in self.retired:
            raise RowError(f"indicator '{indicator.code}' is retired")
        period = self._period(row.period, indicator)
        cell = self._cell(indicator, row.disaggregation)
        value, numerator, denominator = self._figures(row, indicator)
        return Prepared(
            row=index, id=next(self._ids), indicator=indicator, period=period,
            cell=cell, disaggregation=row.disaggregation,
            geography=row.geography, organization_id=self._organization(row),
            value=value, numerator=numerator, denominator=denominator,
            source=row.source, comment=row.comment,
        )

    def _cell(self, indicator: Indicator, disaggregation: dict[str, str]) -> str:
        """The cell's key, once checked against the indicator's scheme (remembered: a batch
        repeats the same few cells many times)."""
        memo = (id(indicator), *disaggregation.items())  # the instance: no attribute load
        known = self._cells.get(memo)
        if known is None:
            problem = self.schemes[indicator.id].check(disaggregation, for_new_data=True)
            known = self._cells[memo] = (cell_key(disaggregation), problem)
        if known[1]:
            raise RowError(known[1])
        return known[0]

    def _indicator_of(self, row: ObservationIn) -> Indicator:
        # type() rather than isinstance(): pydantic's metaclass makes isinstance slow, and
        # this runs for every row of a batch.
        if type(row) is not BatchRow or (row.indicator is None) == (row.indicator_id is None):
            raise RowError("name the indicator by 'indicator' (its code) or 'indicator_id'")
        found: Indicator | None = None
        if row.indicator is not None:
            found = self.by_code.get(row.indicator)
        elif row.indicator_id is not None:
            found = self.by_id.get(row.indicator_id)
        if found is None:
            raise RowError(f"no indicator '{row.indicator or row.indicator_id}' in this "
                           "initiative")
        return found

    def _period(self, code: str, indicator: Indicator) -> Period:
        period = self._periods.get(code)
        if period is None:
            try:
                period = parse_period(code, self.initiative.fiscal_year_start_month)
            except PeriodError as exc:
                raise RowError(str(exc)) from exc
            self._periods[code] = period
        if period.kind not in FREQUENCY_KINDS[indicator.frequency]:
            raise RowError(f"'{code}' is a {period.kind.value.replace('_', ' ')}, but "
                           f"'{indicator.code}' is reported {indicator.frequency}")
        return period

    def _organization(self, row: ObservationIn) -> uuid.UUID | None:
        if self.is_staff:
            return row.organization_id
        own = self.principal.org
        if own is None:
            raise ForbiddenRowError("partners report for their organization; this token names "
                               "none")
        if row.organization_id not in (None, own):
            raise ForbiddenRowError("partners may only report for their own organization")
        return own

    @staticmethod
    def _figures(row: ObservationIn, indicator: Indicator
                 ) -> tuple[float | None, float | None, float | None]:
        if indicator.unit in RATIO_UNITS:
            if row.numerator is None or row.denominator is None:
                raise RowError(f"'{indicator.code}' is a {indicator.unit}: give numerator "
                               "and denominator")
            if row.denominator <= 0:
                raise RowError("the denominator must be positive")
            if indicator.unit == Unit.PERCENT and row.numerator > row.denominator:
                raise RowError("a percent's numerator cannot exceed its denominator")
            value = row.numerator / row.denominator * indicator.rate_multiplier
            if row.value is not None and abs(row.value - value) > max(
                    abs(value) * 0.005, RATIO_TOLERANCE):
                raise RowError(f"value {row.value} does not match numerator/denominator "
                               f"({value:.4g})")
            return value, row.numerator, row.denominator
        if row.numerator is not None or row.denominator is not None:
            raise RowError(f"'{indicator.code}' is a {indicator.unit}: give a value only")
        if row.value is None:
            raise RowError("a value is required")
        if indicator.unit == Unit.COUNT and row.value < 0:
            raise RowError("a count cannot be negative")
        return row.value, None, None

    # --- storing ----------------------------------------------------------------------------

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
