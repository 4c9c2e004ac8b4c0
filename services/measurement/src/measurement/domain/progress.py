"""Progress against time-phased targets along the trajectory from the baseline.

The trajectory runs in straight lines from the baseline to the first target, then from
each target to the next. The latest value is judged against the segment it falls in:
*target met* when it has reached the target of that segment in the desired direction,
*on track* when it is at or beyond the trajectory at its own date, else *off track*.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from backbone.contracts.measurement.entities import Direction, ProgressStatus


@dataclass(frozen=True)
class Mark:
    """A value at the end of a period."""

    at: date
    value: float
    period: str


@dataclass(frozen=True)
class Progress:
    status: ProgressStatus
    baseline: Mark | None
    latest: Mark | None
    target: Mark | None
    expected: float | None
    share_of_the_way: float | None


def better_or_equal(a: float, b: float, direction: Direction) -> bool:
    return a >= b if direction is Direction.INCREASE else a <= b


def interpolate(start: Mark, end: Mark, at: date) -> float:
    span = (end.at - start.at).days
    if span <= 0:
        return end.value
    fraction = min(max((at - start.at).days / span, 0.0), 1.0)
    return start.value + (end.value - start.value) * fraction


def targets_ahead(baseline: Mark | None, targets: Sequence[Mark]) -> list[Mark]:
    """The targets after the baseline, in time order (earlier ones are history)."""
    return sorted((t for t in targets if baseline is None or t.at > baseline.at),
                  key=lambda t: t.at)


def trajectory(baseline: Mark | None, targets: Sequence[Mark]) -> list[Mark]:
    """The corners of the path progress is judged against: the baseline, then each target."""
    if baseline is None:
        return []
    return [baseline, *targets_ahead(baseline, targets)]


def assess(
    baseline: Mark | None, targets: Sequence[Mark], latest: Mark | None, direction: Direction
) -> Progress:
    """Where the latest value stands against the targets (sorted or not)."""
    ordered = targets_ahead(baseline, targets)
    if latest is None:
        status = ProgressStatus.NO_DATA if ordered else ProgressStatus.NO_TARGET
        return Progress(status, baseline, None, ordered[0] if ordered else None, None, None)
    if not ordered:
        return Progress(ProgressStatus.NO_TARGET, baseline, latest, None, None, None)
    index = next((i for i, t in enumerate(ordered) if t.at >= latest.at), len(ordered) - 1)
    target = ordered[index]
    start = ordered[index - 1] if index > 0 else baseline
    expected = interpolate(start, target, latest.at) if start is not None else target.value
    share = None
    if baseline is not None and target.value != baseline.value:
        share = (latest.value - baseline.value) / (target.value - baseline.value)
    if better_or_equal(latest.value, target.value, direction):
        status = ProgressStatus.TARGET_MET
    elif better_or_equal(latest.value, expected, direction):
        status = ProgressStatus.ON_TRACK
    else:
        status = ProgressStatus.OFF_TRACK
    return Progress(status, baseline, latest, target, expected, share)
