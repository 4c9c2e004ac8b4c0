"""Combining observations across places and over time, by the indicator's declared rules.

A *point* is one value, or a numerator and denominator for rates. Rates are combined by
adding numerators and denominators, never by averaging percentages: 10/100 and 90/100 is
100/200 = 50%, but 1/10 and 90/100 is 91/110, not the 50.5% a mean of the two would give.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


class AcrossPlaces(StrEnum):
    SUM = "sum"
    MEAN = "mean"
    LATEST = "latest"


class AcrossTime(StrEnum):
    PERIODIC = "periodic"
    CUMULATIVE = "cumulative"


@dataclass(frozen=True)
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


def combine(points: Sequence[Point], rule: AcrossPlaces, multiplier: float = 1.0) -> Point:
    """One point standing for several places (or reporting organizations) in one period."""
    if not points:
        raise ValueError("nothing to combine")
    if rule is AcrossPlaces.LATEST:
        return max(points, key=lambda p: p.order)
    if all(p.is_ratio for p in points):
        # Pooled: for rates ``sum`` and ``mean`` both mean "the rate of all places together".
        numerator = sum(p.numerator or 0.0 for p in points)
        denominator = sum(p.denominator or 0.0 for p in points)
        return Point(ratio_value(numerator, denominator, multiplier), numerator, denominator,
                     max(p.order for p in points))
    values = [p.value for p in points if p.value is not None]
    if not values:
        return Point(order=max(p.order for p in points))
    total = sum(values)
    value = total / len(values) if rule is AcrossPlaces.MEAN else total
    return Point(value, order=max(p.order for p in points))


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
