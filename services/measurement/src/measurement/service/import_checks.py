"""After an import: where a reported figure and the groups reported beside it disagree.

Checked per period, place and reporting organization the import touched, over what is
stored there (rejected observations aside) with the import's rows in place, so a dry run
shows what storing would give. The caller sees only units it reported for: a partner its
own organization's, whose figures it knows.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from measurement import figures
from measurement.domain.aggregation import AcrossPlaces
from measurement.domain.cells import cell_key, parse_cell
from measurement.domain.derivation import additive, differences, nearest
from measurement.reporting import ConsistencyNote
from measurement.schemas import RATIO_UNITS
from measurement.service.row_checks import Prepared

Unit = tuple[uuid.UUID, str, str, uuid.UUID | None]
"""(indicator, period, geography, reporting organization)."""
Figures = tuple[dict[str, str], tuple[float | None, float | None, float | None]]

_UNKNOWN: list[str] = []
"""A breakdown not yet worked out (a breakdown found is never empty)."""

_STORED = text("""
    SELECT o.indicator_id, o.period, o.geography, o.organization_id, o.cell, o.value,
           o.numerator, o.denominator
    FROM unnest(CAST(:indicators AS uuid[]), CAST(:periods AS varchar[]),
                CAST(:geographies AS varchar[]), CAST(:organizations AS uuid[]))
         AS u(indicator_id, period, geography, organization_id)
    JOIN observations o
      ON o.indicator_id = u.indicator_id AND o.period = u.period
     AND o.geography = u.geography
     AND o.organization_id IS NOT DISTINCT FROM u.organization_id
    WHERE o.status <> 'rejected'
""")


async def disagreements(session: AsyncSession, rows: Sequence[Prepared]
                        ) -> list[ConsistencyNote]:
    """A note per reported figure whose nearest breakdown adds up to something else."""
    rows = [row for row in rows if row.indicator.dimension_ids]  # else only totals
    if not rows:
        return []
    units: dict[Unit, dict[str, Figures]] = defaultdict(dict)
    indicators = {row.indicator.id: row.indicator for row in rows}
    keys = list({(row.indicator.id, row.period.code, row.geography, row.organization_id)
                 for row in rows})
    stored = await session.execute(_STORED, {
        "indicators": [k[0] for k in keys], "periods": [k[1] for k in keys],
        "geographies": [k[2] for k in keys], "organizations": [k[3] for k in keys]})
    parsed: dict[str, dict[str, str]] = {}  # a batch's few cells, each parsed once
    for (indicator_id, period, geography, organization, cell, value, numerator,
         denominator) in stored.tuples():
        disaggregation = parsed.get(cell)
        if disaggregation is None:
            disaggregation = parsed[cell] = parse_cell(cell)
        units[(indicator_id, period, geography, organization)][cell] = (
            disaggregation, (value, numerator, denominator))
    for row in rows:
        units[(row.indicator.id, row.period.code, row.geography, row.organization_id)][
            row.cell] = (row.disaggregation, (row.value, row.numerator, row.denominator))
    notes = []
    # Units of a batch mostly hold the same cells: each set of cells is worked out once.
    breakdowns: dict[tuple[str, frozenset[str]], list[str] | None] = {}
    for unit, cells in units.items():
        indicator = indicators[unit[0]]
        rule = additive(indicator.unit in RATIO_UNITS, AcrossPlaces(indicator.across_places))
        present = frozenset(cells)
        for cell, (disaggregation, reported) in cells.items():
            parts = breakdowns.get((cell, present), _UNKNOWN)
            if parts is _UNKNOWN:
                cells_ = nearest(disaggregation, [c for c, _ in cells.values()])
                parts = breakdowns[(cell, present)] = (
                    None if cells_ is None else [cell_key(c) for c in cells_])
            if parts is None:
                continue
            derived = _sums([cells[p][1] for p in parts])
            found = figures.consistency(differences(reported, derived, rule))
            if found is not None:
                notes.append(ConsistencyNote(
                    indicator_id=unit[0], period=unit[1], geography=unit[2],
                    organization_id=unit[3], disaggregation=disaggregation,
                    **found.model_dump()))
    return notes


def _sums(figures_: Sequence[tuple[Any, Any, Any]]) -> tuple[Any, Any, Any]:
    def total(i: int) -> float | None:
        found = [f[i] for f in figures_]
        return None if any(v is None for v in found) else sum(found)
    return total(0), total(1), total(2)
