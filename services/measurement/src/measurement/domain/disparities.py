"""Gaps between groups of a disaggregated indicator, and how they change over time.

For each group: its value, the gap to the reference group (value minus reference value;
positive means higher) and the ratio (value divided by reference value). The reference is
the group asked for, or else the best-performing group in the latest period. The change of
a gap is judged on its absolute size: a gap that shrinks is *narrowing*.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from backbone.contracts.measurement.entities import Direction, Trend


@dataclass(frozen=True)
class Gap:
    group: str
    value: float
    gap: float
    ratio: float | None


def best_group(values: Mapping[str, float], direction: Direction) -> str:
    """The best-performing group; ties go to the first code in alphabetical order."""
    pick = max if direction is Direction.INCREASE else min
    best = pick(values.values())
    return min(group for group, value in values.items() if value == best)


def compare(group: str, value: float, reference_value: float) -> Gap:
    return Gap(group, value, value - reference_value,
               None if reference_value == 0 else value / reference_value)


def trend(first_gap: float, last_gap: float, tolerance: float = 1e-9) -> Trend:
    change = abs(last_gap) - abs(first_gap)
    if abs(change) <= tolerance:
        return Trend.STABLE
    return Trend.NARROWING if change < 0 else Trend.WIDENING
