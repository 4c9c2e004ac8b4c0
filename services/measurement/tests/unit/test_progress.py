"""Progress statuses against a trajectory, worked by hand."""

from __future__ import annotations

from datetime import date

import pytest

from measurement.domain.progress import (
    Direction,
    Mark,
    ProgressStatus,
    assess,
    interpolate,
    trajectory,
)

BASE = Mark(date(2020, 12, 31), 40.0, "2020")
TARGET = Mark(date(2024, 12, 31), 60.0, "2024")  # 1461 days later


def at(year: int, value: float) -> Mark:
    return Mark(date(year, 12, 31), value, str(year))


def test_interpolation_is_linear_in_time() -> None:
    assert interpolate(BASE, TARGET, date(2022, 12, 31)) == pytest.approx(50.0, abs=0.01)
    assert interpolate(BASE, TARGET, date(2030, 1, 1)) == 60.0  # clamped at the target


@pytest.mark.parametrize(("latest", "status"), [
    (at(2022, 51.0), ProgressStatus.ON_TRACK),     # trajectory says ~50
    (at(2022, 49.0), ProgressStatus.OFF_TRACK),
    (at(2022, 61.0), ProgressStatus.TARGET_MET),   # met early
    (at(2024, 59.9), ProgressStatus.OFF_TRACK),    # the deadline, just short
])
def test_increase(latest: Mark, status: ProgressStatus) -> None:
    result = assess(BASE, [TARGET], latest, Direction.INCREASE)
    assert result.status is status
    assert result.share_of_the_way == pytest.approx((latest.value - 40) / 20)


def test_decrease_is_mirrored() -> None:
    base, target = Mark(date(2020, 12, 31), 30.0, "2020"), Mark(date(2024, 12, 31), 10.0, "2024")
    assert assess(base, [target], at(2022, 19.0), Direction.DECREASE).status \
        is ProgressStatus.ON_TRACK
    assert assess(base, [target], at(2022, 21.0), Direction.DECREASE).status \
        is ProgressStatus.OFF_TRACK
    assert assess(base, [target], at(2023, 9.0), Direction.DECREASE).status \
        is ProgressStatus.TARGET_MET


def test_time_phased_targets_use_the_current_segment() -> None:
    first, second = at(2022, 50.0), at(2024, 80.0)
    # In 2023 the trajectory runs from 50 (2022 target) to 80 (2024 target): ~65 expected.
    result = assess(BASE, [second, first], at(2023, 66.0), Direction.INCREASE)
    assert result.target == second
    assert result.expected == pytest.approx(65.0, abs=0.05)
    assert result.status is ProgressStatus.ON_TRACK


def test_missing_data_or_targets() -> None:
    assert assess(BASE, [TARGET], None, Direction.INCREASE).status is ProgressStatus.NO_DATA
    assert assess(BASE, [], at(2022, 1.0), Direction.INCREASE).status is ProgressStatus.NO_TARGET
    # Targets at or before the baseline are history, not goals.
    assert assess(BASE, [Mark(date(2019, 12, 31), 90.0, "2019")], at(2022, 1.0),
                  Direction.INCREASE).status is ProgressStatus.NO_TARGET


def test_trajectory_runs_from_the_baseline_through_later_targets_in_time_order() -> None:
    earlier = Mark(date(2019, 12, 31), 90.0, "2019")
    middle = at(2022, 50.0)
    assert trajectory(BASE, [TARGET, earlier, middle]) == [BASE, middle, TARGET]
    assert trajectory(None, [TARGET]) == []
