"""The statement behind every series: per wanted cell and period, the summaries of the
observations that make its figure, reported or derived (``measurement.domain.derivation``).

Per wanted cell, period, place and reporting organization (a *unit*), the database picks
the cell's own observation if it was reported there, otherwise the nearest breakdown
reported there, and sums what each rule needs over the picked rows. Where a unit reports
the cell and a breakdown of it too, the breakdown's sums come along, to check one against
the other.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import TextClause, text
from sqlalchemy.ext.asyncio import AsyncSession

from measurement.domain.aggregation import Point, Reports

_SQL = """
WITH wanted AS (
    SELECT w.cell, w.pairs
    FROM unnest(CAST(:cells AS text[]), CAST(:pairs AS text[])) AS w(cell, pairs)
), candidates AS (
    SELECT w.cell AS wanted, o.period, o.period_start, o.period_end, o.geography,
           o.organization_id, o.value, o.numerator, o.denominator, o.updated_at, o.id,
           o.cell = w.cell AS reported,
           length(o.cell) - length(replace(o.cell, '=', '')) AS depth,
           regexp_replace(o.cell, '=[^;]*', '', 'g') AS dims
    FROM wanted w JOIN observations o
      ON o.indicator_id = :indicator_id AND o.status = ANY(CAST(:statuses AS text[]))
     AND o.disaggregation @> CAST(w.pairs AS jsonb) {filters}
), sized AS (
    SELECT c.*,
           count(*) OVER (PARTITION BY wanted, period, geography, organization_id, dims)
               AS breadth,
           bool_or(reported) OVER unit AS unit_reports,
           bool_or(NOT reported) OVER unit AS unit_breaks_down
    FROM candidates c
    WINDOW unit AS (PARTITION BY wanted, period, geography, organization_id)
), ranked AS (
    SELECT s.*,
           rank() OVER (PARTITION BY wanted, period, geography, organization_id
                        ORDER BY reported DESC, depth, breadth DESC, dims COLLATE "C")
               AS choice,
           rank() OVER (PARTITION BY wanted, period, geography, organization_id, reported
                        ORDER BY depth, breadth DESC, dims COLLATE "C") AS nearest
    FROM sized s
), picked AS (
    SELECT r.*, choice = 1 AS used,
           reported AND unit_breaks_down AS checked_total,
           NOT reported AND nearest = 1 AND unit_reports AS checked_parts
    FROM ranked r
)
SELECT wanted, period, min(period_start), min(period_end),
       count(*) FILTER (WHERE used),
       sum(value) FILTER (WHERE used), count(value) FILTER (WHERE used),
       CASE WHEN count(numerator) FILTER (WHERE used) = count(*) FILTER (WHERE used)
             AND count(denominator) FILTER (WHERE used) = count(*) FILTER (WHERE used)
            THEN sum(numerator) FILTER (WHERE used) END,
       CASE WHEN count(numerator) FILTER (WHERE used) = count(*) FILTER (WHERE used)
             AND count(denominator) FILTER (WHERE used) = count(*) FILTER (WHERE used)
            THEN sum(denominator) FILTER (WHERE used) END,
       {latest},
       max(updated_at) FILTER (WHERE used),
       bool_or(used AND NOT reported),
       sum(value) FILTER (WHERE checked_total), sum(value) FILTER (WHERE checked_parts),
       sum(numerator) FILTER (WHERE checked_total),
       sum(numerator) FILTER (WHERE checked_parts),
       sum(denominator) FILTER (WHERE checked_total),
       sum(denominator) FILTER (WHERE checked_parts)
FROM picked
GROUP BY wanted, period
"""

_LATEST = ", ".join(
    f"(array_agg({column} ORDER BY updated_at DESC, id DESC) FILTER (WHERE used))[1]"
    for column in ("value", "numerator", "denominator"))


@cache
def statement(latest: bool, by_geography: bool, by_organization: bool) -> TextClause:
    """Built once per shape. ``latest``: the indicator combines places by their latest
    report, which needs ordered aggregates (they sort each group, so only then)."""
    filters = "".join((" AND o.geography = :geography" if by_geography else "",
                       " AND o.organization_id = :organization_id" if by_organization
                       else ""))
    return text(_SQL.format(filters=filters,
                            latest=_LATEST if latest else "NULL, NULL, NULL"))


@dataclass(frozen=True, slots=True)
class Check:
    """Where units report a cell and a breakdown of it too: the sums of each there."""

    reported: tuple[float | None, float | None, float | None]
    derived: tuple[float | None, float | None, float | None]


@dataclass(frozen=True, slots=True)
class Summary:
    """One wanted cell in one period: its reports (reported or derived) and the check."""

    start: date
    end: date
    reports: Reports
    derived: bool
    check: Check


async def summaries(session: AsyncSession, indicator_id: uuid.UUID,
                    cells: Mapping[str, Mapping[str, str]], statuses: Sequence[str], *,
                    latest: bool, geography: str | None, organization_id: uuid.UUID | None
                    ) -> dict[tuple[str, str], Summary]:
    """Per (wanted cell, period) with data, what makes its figure."""
    stmt = statement(latest, geography is not None, organization_id is not None)
    result = await (await session.connection()).execute(stmt, {
        "indicator_id": indicator_id, "cells": list(cells),
        "pairs": [json.dumps(dict(p)) for p in cells.values()], "statuses": list(statuses),
        "geography": geography, "organization_id": organization_id})
    out: dict[tuple[str, str], Summary] = {}
    for row in result.tuples():
        (cell, period, start, end, count, value_sum, values, numerators, denominators,
         value, numerator, denominator, at, derived, *checks) = row
        out[(cell, period)] = Summary(
            start, end,
            Reports(count, value_sum, values, numerators, denominators,
                    Point(value, numerator, denominator, at.timestamp())),
            bool(derived), Check(_pairs(checks, 0), _pairs(checks, 1)))
    return out


def _pairs(checks: Sequence[Any], which: int) -> tuple[Any, Any, Any]:
    return checks[which], checks[2 + which], checks[4 + which]
