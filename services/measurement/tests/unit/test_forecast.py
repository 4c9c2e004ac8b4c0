"""The chart's forecast, worked by hand."""

from __future__ import annotations

from datetime import date

import pytest

from measurement.domain.forecast import forecast


def yearly(*values: float, first: int = 2019) -> list[tuple[date, float]]:
    return [(date(first + i, 12, 31), v) for i, v in enumerate(values)]


def test_a_straight_trend_runs_on_to_the_last_target() -> None:
    # +2 a year; the target is in 2030: 2024's 50 leads to 62 six years later.
    line = forecast(yearly(40, 42, 44, 46, 48, 50), [date(2028, 12, 31), date(2030, 12, 31)])
    assert line is not None
    assert line.method == "least squares over the last 5 periods"
    (start, at_start), (end, at_end) = line.points
    assert (start, end) == (date(2024, 12, 31), date(2030, 12, 31))
    assert at_start == pytest.approx(50, abs=0.01)
    assert at_end == pytest.approx(62, abs=0.02)


def test_noise_is_averaged_out_and_only_recent_periods_count() -> None:
    # The 2015-2018 fall is older than the window; the last five rise by ~1 a year.
    line = forecast([*yearly(90, 80, 70, 60, first=2015), *yearly(50, 52, 51, 53, 54)], [])
    assert line is not None
    (_, at_start), (end, at_end) = line.points
    assert end.year == 2026  # three periods on: no target ahead
    assert at_start == pytest.approx(53.8, abs=0.01)  # the fitted line, not the last value
    assert at_end - at_start == pytest.approx(3 * 0.9, abs=0.02)


def test_too_few_periods_make_no_forecast() -> None:
    assert forecast(yearly(40, 42), [date(2030, 12, 31)]) is None
