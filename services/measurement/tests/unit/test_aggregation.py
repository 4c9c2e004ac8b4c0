"""Aggregation rules, worked by hand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from measurement.domain.aggregation import AcrossPlaces, AcrossTime, Point, accumulate, combine


def test_counts_sum_average_or_take_the_latest() -> None:
    points = [Point(10.0, order=1), Point(30.0, order=3), Point(20.0, order=2)]
    assert combine(points, AcrossPlaces.SUM).value == 60.0
    assert combine(points, AcrossPlaces.MEAN).value == 20.0
    assert combine(points, AcrossPlaces.LATEST).value == 30.0


def test_rates_are_pooled_never_averaged_as_percentages() -> None:
    small = Point(numerator=1, denominator=10)   # 10%
    large = Point(numerator=90, denominator=100)  # 90%
    for rule in (AcrossPlaces.SUM, AcrossPlaces.MEAN):
        pooled = combine([small, large], rule, multiplier=100)
        assert pooled.numerator == 91
        assert pooled.denominator == 110
        assert pooled.value == pytest.approx(82.7272727)  # not (10 + 90) / 2 = 50


def test_cumulative_counts_are_running_totals() -> None:
    out = accumulate([Point(5.0), Point(7.0), Point(0.0), Point(3.0)], AcrossTime.CUMULATIVE)
    assert [p.value for p in out] == [5.0, 12.0, 12.0, 15.0]
    periodic = accumulate([Point(5.0), Point(7.0)], AcrossTime.PERIODIC)
    assert [p.value for p in periodic] == [5.0, 7.0]


def test_cumulative_rates_pool_over_time() -> None:
    out = accumulate([Point(numerator=1, denominator=4), Point(numerator=5, denominator=6)],
                     AcrossTime.CUMULATIVE, multiplier=100)
    assert [p.value for p in out] == [25.0, 60.0]  # 1/4, then 6/10


def test_zero_denominator_has_no_rate() -> None:
    assert combine([Point(numerator=0, denominator=0)], AcrossPlaces.SUM).value is None


@given(st.lists(st.tuples(st.integers(0, 1000), st.integers(1, 1000)), min_size=1, max_size=20))
def test_pooled_rate_lies_between_the_extremes(pairs: list[tuple[int, int]]) -> None:
    points = [Point(numerator=min(n, d), denominator=d) for n, d in pairs]
    rates = [p.numerator / p.denominator for p in points]  # type: ignore[operator]
    pooled = combine(points, AcrossPlaces.SUM).value
    assert pooled is not None
    assert min(rates) - 1e-12 <= pooled <= max(rates) + 1e-12
