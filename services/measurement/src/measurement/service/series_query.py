"""The statements behind every series: per wanted cell and period, the summaries of the
observations that make its figure, reported or derived (``measurement.domain.derivation``).

First the indicator's distinct cells are listed (a walk down the key's index, one probe per
cell). When no stored cell breaks a wanted one down, its figure can only be reported, and
one aggregate over the wanted cells' rows gives it. Otherwise, per wanted cell, period,
place and reporting organization (a *unit*), the database sums each candidate breakdown,
picks the cell's own observation if it was reported there, else the nearest breakdown,
and sums what each rule needs over the picks. Where a unit reports the cell and a
breakdown of it too, the breakdown's sums come along, to check one against the other.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import TextClause, text
from sqlalchemy.ext.asyncio import AsyncSession

from measurement.domain.aggregation import Point, Reports
from measurement.domain.cells import cell_key, parse_cell
from measurement.domain.derivation import FIGURES, nearness, refines, signature

# ``cell >= ''`` (true of every cell) puts the key's index on the first step as on the
# others: without it, on the statistics of a table just bulk-loaded (which say it is nearly
# empty), the first step read all of the indicator's rows through the list's index and
# sorted them, 5 ms at 10,080 rows instead of 0.1 ms.
_CELLS = text("""
WITH RECURSIVE cells(cell) AS (
    (SELECT cell FROM observations WHERE indicator_id = :indicator_id AND cell >= ''
     ORDER BY cell LIMIT 1)
    UNION ALL
    SELECT (SELECT o.cell FROM observations o
            WHERE o.indicator_id = :indicator_id AND o.cell > c.cell ORDER BY o.cell LIMIT 1)
    FROM cells c WHERE c.cell IS NOT NULL
)
SELECT cell FROM cells WHERE cell IS NOT NULL
""")

_COMPLETE = "count(numerator) = count(*) AND count(denominator) = count(*)"

_REPORTED = """
SELECT o.cell, o.period, min(o.period_start), min(o.period_end), count(*),
       sum(value), count(value),
       CASE WHEN {complete} THEN sum(numerator) END,
       CASE WHEN {complete} THEN sum(denominator) END,
       {latest}, max(updated_at)
FROM observations o
WHERE o.indicator_id = :indicator_id AND o.cell = ANY(CAST(:cells AS text[]))
  AND o.status = ANY(CAST(:statuses AS text[])) {filters}
GROUP BY o.cell, o.period
"""

_DERIVED = """
WITH pairs AS (
    SELECT * FROM unnest(CAST(:wanted AS int[]), CAST(:cells AS text[]),
                         CAST(:priorities AS int[])) AS p(wanted, cell, priority)
), parts AS (
    SELECT p.wanted, o.period_start, o.period_end, min(o.period) AS period,
           o.geography COLLATE "C" AS geography,
           coalesce(o.organization_id, :nobody) AS unit_org,
           p.priority, count(*) AS n, sum(value) AS value, count(value) AS n_values,
           sum(numerator) AS numerator, sum(denominator) AS denominator,
           count(numerator) = count(*) AND count(denominator) = count(*) AS complete,
           max(updated_at) AS updated_at {latest_parts}
    FROM pairs p JOIN observations o
      ON o.indicator_id = :indicator_id AND o.cell = p.cell
     AND o.status = ANY(CAST(:statuses AS text[])) {filters}
    GROUP BY p.wanted, o.period_start, o.period_end, 5, unit_org, p.priority
), ranked AS (
    SELECT parts.*, min(priority) OVER unit AS first,
           min(priority) FILTER (WHERE priority > 0) OVER unit AS nearest
    FROM parts
    WINDOW unit AS (PARTITION BY wanted, period_start, period_end, geography, unit_org)
)
SELECT wanted, min(period), period_start, period_end,
       CAST(sum(n) FILTER (WHERE priority = first) AS int),
       sum(value) FILTER (WHERE priority = first),
       CAST(sum(n_values) FILTER (WHERE priority = first) AS int),
       CASE WHEN bool_and(complete) FILTER (WHERE priority = first)
            THEN sum(numerator) FILTER (WHERE priority = first) END,
       CASE WHEN bool_and(complete) FILTER (WHERE priority = first)
            THEN sum(denominator) FILTER (WHERE priority = first) END,
       {latest}, max(updated_at) FILTER (WHERE priority = first), bool_or(first > 0),
       sum(value) FILTER (WHERE priority = 0 AND nearest IS NOT NULL),
       sum(value) FILTER (WHERE first = 0 AND priority = nearest),
       sum(numerator) FILTER (WHERE priority = 0 AND nearest IS NOT NULL),
       sum(numerator) FILTER (WHERE first = 0 AND priority = nearest),
       sum(denominator) FILTER (WHERE priority = 0 AND nearest IS NOT NULL),
       sum(denominator) FILTER (WHERE first = 0 AND priority = nearest)
FROM ranked
GROUP BY wanted, period_start, period_end
"""
"""Per candidate breakdown of each unit (priority 0 is the wanted cell itself, then the
breakdowns nearest first, each summed), each unit's first priority (the reported figure,
or else the nearest breakdown) and nearest breakdown beside it, then per wanted cell and
period the sums over each unit's pick: each unit has one row of its first priority. No
join: a join of per-unit rows planned on the statistics of a table just bulk-loaded
(which say it is nearly empty) became nested loops, seconds long, until the next
ANALYZE; and no ordered aggregate per column (each sorts its group again). Units without
a reporting organization are keyed by ``nobody``, so all grouping is on plain equality;
periods by their dates and places in the "C" collation, which sort fast (a period's code
is the same for its dates)."""

def _newest(column: str, source: str = "") -> str:
    order = f"{source}updated_at DESC, {source}id DESC"
    return f"(array_agg({column} ORDER BY {order}))[1]"


@cache
def statement(derived: bool, latest: bool, by_geography: bool, by_organization: bool,
              by_period: bool = False) -> TextClause:
    """Built once per shape. ``latest``: the indicator combines places by their latest
    report, which needs ordered aggregates (they sort each group, so only then);
    ``by_period``: only the periods named in ``periods``."""
    filters = "".join((" AND o.geography = :geography" if by_geography else "",
                       " AND o.organization_id = :organization_id" if by_organization
                       else "",
                       " AND o.period = ANY(CAST(:periods AS text[]))" if by_period else ""))
    if not derived:
        newest = ", ".join(_newest(c) for c in FIGURES) if latest else "NULL, NULL, NULL"
        return text(_REPORTED.format(complete=_COMPLETE, latest=newest, filters=filters))
    parts = "".join(f", {_newest('o.' + c, 'o.')} AS latest_{c}"
                    for c in (*FIGURES, "id")) if latest else ""
    newest = ", ".join(
        f"(array_agg(latest_{c} ORDER BY updated_at DESC, latest_id DESC)"
        " FILTER (WHERE priority = first))[1]" for c in FIGURES) if latest else "NULL, NULL, NULL"
    return text(_DERIVED.format(latest_parts=parts, latest=newest, filters=filters))


@dataclass(frozen=True, slots=True)
class Check:
    """Where units report a cell and a breakdown of it too: the sums of each there."""

    reported: tuple[float | None, float | None, float | None]
    derived: tuple[float | None, float | None, float | None]


NO_CHECK = Check((None, None, None), (None, None, None))


@dataclass(frozen=True, slots=True)
class Summary:
    """One wanted cell in one period: its reports (reported or derived) and the check."""

    start: date
    end: date
    reports: Reports
    derived: bool
    check: Check


Summaries = dict[tuple[str, str], Summary]


@dataclass(frozen=True, slots=True)
class _Computed:
    stored: tuple[str, ...]  # the indicator's distinct cells, which the derivation follows
    summaries: Summaries


_CACHE: OrderedDict[tuple[Any, ...], _Computed] = OrderedDict()
CACHED = 1024
"""Summaries kept per process, the most recently used; each is a few kilobytes."""
_FOLLOWS: OrderedDict[uuid.UUID, tuple[uuid.UUID, frozenset[str]]] = OrderedDict()


def follows(data_version: uuid.UUID, previous: uuid.UUID, periods: Collection[str]) -> None:
    """Note that the observations of ``data_version`` are those of ``previous`` but in
    ``periods``: its summaries are then the previous version's (if kept) with only those
    periods read again.

    The caller holds the indicator's row lock from reading ``previous`` (the last version
    committed) until its own version commits, so no other change comes between the two.
    """
    _FOLLOWS[data_version] = (previous, frozenset(periods))
    if len(_FOLLOWS) > CACHED:
        _FOLLOWS.popitem(last=False)


async def summaries(session: AsyncSession, indicator_id: uuid.UUID,
                    data_version: uuid.UUID | None, cells: Mapping[str, Mapping[str, str]],
                    statuses: Sequence[str], *, latest: bool, geography: str | None,
                    organization_id: uuid.UUID | None) -> Summaries:
    """Per (wanted cell, period) with data, what makes its figure.

    Cached under the indicator's ``data_version``, which every transaction that changes
    its observations sets anew: a reader that saw a version finds the figures of that
    version (or, read a moment later, of a newer one), never older ones. A version that
    ``follows`` a kept one is computed from it.
    """
    if data_version is None:  # nothing recorded yet: nothing to keep or to start from
        return (await _query(session, indicator_id, cells, statuses, latest=latest,
                             geography=geography, organization_id=organization_id)).summaries
    shape = (tuple(cells), tuple(statuses), latest, geography, organization_id)
    key = (indicator_id, data_version, *shape)
    if (found := _CACHE.get(key)) is not None:
        _CACHE.move_to_end(key)
        return found.summaries
    previous, periods = _FOLLOWS.get(data_version, (None, frozenset()))
    computed = await _query(session, indicator_id, cells, statuses, latest=latest,
                            geography=geography, organization_id=organization_id,
                            since=_CACHE.get((indicator_id, previous, *shape)),
                            periods=periods)
    _CACHE[key] = computed
    if len(_CACHE) > CACHED:
        _CACHE.popitem(last=False)
    return computed.summaries


async def _query(session: AsyncSession, indicator_id: uuid.UUID,
                 cells: Mapping[str, Mapping[str, str]], statuses: Sequence[str], *,
                 latest: bool, geography: str | None, organization_id: uuid.UUID | None,
                 since: _Computed | None = None, periods: frozenset[str] = frozenset()
                 ) -> _Computed:
    """The summaries; with ``since`` (those of a version that differs from this one only
    in ``periods``), those periods read again and the rest kept, unless the indicator's
    cells differ (a new breakdown changes what every period derives from)."""
    connection = await session.connection()
    cell_keys = tuple((await connection.execute(
        _CELLS, {"indicator_id": indicator_id})).scalars())
    base = since if since is not None and since.stored == cell_keys else None
    if base is not None and not periods:
        return base
    stored = [parse_cell(c) for c in cell_keys]
    wanted = list(cells)
    breakdowns = {w: sorted({signature(c) for c in stored if refines(c, pairs)},
                            key=nearness) for w, pairs in cells.items()}
    derived = any(breakdowns.values())
    stmt = statement(derived, latest, geography is not None, organization_id is not None,
                     base is not None)
    parameters: dict[str, Any] = {
        "indicator_id": indicator_id, "statuses": list(statuses), "geography": geography,
        "organization_id": organization_id, "cells": wanted, "nobody": uuid.UUID(int=0),
        "periods": sorted(periods)}
    if derived:
        rows = [(i, w, 0) for i, w in enumerate(wanted)]
        for i, w in enumerate(wanted):
            order = {s: n for n, s in enumerate(breakdowns[w], start=1)}
            rows += [(i, cell_key(c), order[signature(c)]) for c in stored
                     if refines(c, cells[w])]
        parameters |= {"wanted": [r[0] for r in rows], "cells": [r[1] for r in rows],
                       "priorities": [r[2] for r in rows]}
    result = await connection.execute(stmt, parameters)
    out: Summaries = {} if base is None else {
        key: summary for key, summary in base.summaries.items() if key[1] not in periods}
    for row in result.tuples():
        (number, period, start, end, count, value_sum, values, numerators, denominators,
         value, numerator, denominator, at, *rest) = row
        out[(wanted[number] if derived else number, period)] = Summary(
            start, end,
            Reports(count, value_sum, values, numerators, denominators,
                    Point(value, numerator, denominator, at.timestamp())),
            bool(rest and rest[0]),
            Check((rest[1], rest[3], rest[5]), (rest[2], rest[4], rest[6])) if rest
            else NO_CHECK)
    return _Computed(cell_keys, out)
