"""Derived figures: a cell nobody reported, worked out from the cells that break it down.

Partners often report only by group (four race/ethnicity rows a year and no total). Where
a cell (the total, or ``race=black``) is not reported for a period, place and reporting
organization, it stands for the cells reported there that break it down: its *breakdown*.
Those are then combined by the indicator's own rule, as reports of several places are
(``measurement.domain.aggregation``): counts summed over the options, rates pooled
(numerators and denominators summed), ``mean`` and ``latest`` as declared.

The breakdown is the nearest one reported: the fewest dimensions added to the cell (so
``race`` before ``race x income``, and a stray cross-classified row never replaces a full
breakdown by one dimension); among equally near ones, the first by dimension names. The
series query (``measurement.service.series_query``) and the small-cell lattice
(``measurement.domain.disclosure``) both follow this rule.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from measurement.domain.aggregation import AcrossPlaces

Cell = Mapping[str, str]


def signature(cell: Cell) -> str:
    """The dimensions a cell is broken down by, sorted and joined: ``race;sex``."""
    return ";".join(sorted(cell))


def refines(cell: Cell, wanted: Cell) -> bool:
    """Whether ``cell`` is a strict part of ``wanted`` (it fixes every option ``wanted``
    fixes, and more)."""
    return len(cell) > len(wanted) and all(cell.get(d) == o for d, o in wanted.items())


def breakdown(wanted: Cell, reported: Iterable[Cell]) -> list[Cell] | None:
    """The reported cells ``wanted`` stands for where it is not reported itself, or None
    when it is reported (or nothing breaks it down)."""
    cells = list(reported)
    if any(dict(cell) == dict(wanted) for cell in cells):
        return None
    return nearest(wanted, cells)


def nearest(wanted: Cell, reported: Iterable[Cell]) -> list[Cell] | None:
    """The nearest breakdown of ``wanted`` among the reported cells, if any."""
    parts: dict[str, list[Cell]] = {}
    for cell in reported:
        if refines(cell, wanted):
            parts.setdefault(signature(cell), []).append(cell)
    if not parts:
        return None
    return parts[min(parts, key=nearness)]


def nearness(signature_: str) -> tuple[int, str]:
    """How near a breakdown is: by its number of dimensions, then by their names."""
    return signature_.count(";"), signature_


def coarser(cell: Cell) -> list[dict[str, str]]:
    """Every cell that ``cell`` breaks down (with one or more of its dimensions dropped),
    the total included."""
    items = sorted(cell.items())
    return [{d: o for i, (d, o) in enumerate(items) if mask >> i & 1}
            for mask in range((1 << len(items)) - 1)]


FIGURES = ("value", "numerator", "denominator")


@dataclass(frozen=True, slots=True)
class Difference:
    """A reported figure and the sum of its breakdown, reported in the same places by the
    same organizations, that disagree (the reported figure stands)."""

    figure: str
    reported: float
    derived: float


def additive(is_ratio: bool, rule: AcrossPlaces) -> bool:
    """Whether a figure must equal the sum of its breakdown: counts that places sum, and
    rates (whose numerators and denominators add up) unless the latest report stands."""
    return rule is not AcrossPlaces.LATEST if is_ratio else rule is AcrossPlaces.SUM


def differences(reported: Sequence[float | None], derived: Sequence[float | None],
                additive_figures: bool) -> list[Difference]:
    """The figures on which the two disagree: a rate's numerator and denominator, or else
    the value (each given as value, numerator, denominator)."""
    if not additive_figures:
        return []
    compared = (1, 2) if None not in (reported[1], reported[2]) else (0,)
    return [Difference(FIGURES[i], mine, theirs) for i in compared
            if (mine := reported[i]) is not None and (theirs := derived[i]) is not None
            and not math.isclose(mine, theirs, rel_tol=1e-9, abs_tol=1e-9)]
