"""Combining observations across places and over time, by the indicator's declared rules.

A *point* is one value, or a numerator and denominator for rates. Rates are combined by
adding numerators and denominators, never by averaging percentages: 10/100 and 90/100 is
100/200 = 50%, but 1/10 and 90/100 is 91/110, not the 50.5% a mean of the two would give.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from backbone.contracts.measurement.entities import AcrossPlaces, AcrossTime


@dataclass(frozen=True, slots=True)
class Point:
    """One observation's figures; ``order`` ranks reports for the ``latest`` rule."""

    value: float | None = None
    numerator: float | None = None
    denominator: float | None = None
    order: float = 0.0

    @property
    def is_ratio(self) -> bool:
        return self.numerator is not None and self.denominator is not None


def ratio_value(numerator: float, denominator: float, multiplier: float) -> float | None:
    return None if denominator == 0 else numerator / denominator * multiplier


@dataclass(frozen=True, slots=True)
class Reports:
    """What several observations of one cell in one period add up to, as the database
    summarises them: counts and sums, and the most recently reported observation.

    ``numerator_sum`` and ``denominator_sum`` are None unless every observation has both.
    """

    count: int
    value_sum: float | None
    values: int
    numerator_sum: float | None
    denominator_sum: float | None
    latest: Point


def combine(reports: Reports, rule: AcrossPlaces, multiplier: float = 1.0) -> Point:
    """One point standing for several places (or reporting organizations) in one period."""
    if rule is AcrossPlaces.LATEST:
        return reports.latest
    order = reports.latest.order
    if reports.numerator_sum is not None and reports.denominator_sum is not None:
        # Pooled: for rates ``sum`` and ``mean`` both mean "the rate of all places together".
        return Point(ratio_value(reports.numerator_sum, reports.denominator_sum, multiplier),
                     reports.numerator_sum, reports.denominator_sum, order)
    if not reports.values or reports.value_sum is None:
        return Point(order=order)
    total = reports.value_sum
    return Point(total / reports.values if rule is AcrossPlaces.MEAN else total, order=order)


def accumulate(points: Iterable[Point], rule: AcrossTime, multiplier: float = 1.0) -> list[Point]:
    """The series over time: as reported (periodic) or as running totals (cumulative)."""
    if rule is AcrossTime.PERIODIC:
        return list(points)
    out: list[Point] = []
    value = numerator = denominator = 0.0
    for p in points:
        if p.is_ratio:
            numerator += p.numerator or 0.0
            denominator += p.denominator or 0.0
            out.append(Point(ratio_value(numerator, denominator, multiplier), numerator,
                             denominator, p.order))
        else:
            value += p.value or 0.0
            out.append(Point(value, order=p.order))
    return out
