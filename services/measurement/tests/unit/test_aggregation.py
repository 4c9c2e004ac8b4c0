"""Aggregation rules, worked by hand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from measurement.domain.aggregation import (
    AcrossPlaces,
    AcrossTime,
    Point,
    Reports,
    accumulate,
    combine,
)


def values(*figures: float, latest: float) -> Reports:
    """Reports of counts from several places; ``latest`` was reported last."""
    return Reports(len(figures), sum(figures), len(figures), None, None, Point(latest, order=9))


def rates(*pairs: tuple[float, float]) -> Reports:
    last = pairs[-1]
    return Reports(len(pairs), None, 0, sum(n for n, _ in pairs), sum(d for _, d in pairs),
                   Point(last[0] / last[1], last[0], last[1], order=9))


def test_counts_sum_average_or_take_the_latest() -> None:
    reports = values(10.0, 30.0, 20.0, latest=30.0)
    assert combine(reports, AcrossPlaces.SUM).value == 60.0
    assert combine(reports, AcrossPlaces.MEAN).value == 20.0
    assert combine(reports, AcrossPlaces.LATEST).value == 30.0


def test_rates_are_pooled_never_averaged_as_percentages() -> None:
    reports = rates((1, 10), (90, 100))  # 10% and 90%
    for rule in (AcrossPlaces.SUM, AcrossPlaces.MEAN):
        pooled = combine(reports, rule, multiplier=100)
        assert pooled.numerator == 91
        assert pooled.denominator == 110
        assert pooled.value == pytest.approx(82.7272727)  # not (10 + 90) / 2 = 50


def test_missing_values_are_not_zeros() -> None:
    reports = Reports(3, 30.0, 2, None, None, Point(None, order=1))  # one place sent nothing
    assert combine(reports, AcrossPlaces.MEAN).value == 15.0
    assert combine(Reports(2, None, 0, None, None, Point()), AcrossPlaces.SUM).value is None


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
    assert combine(rates((0, 1)), AcrossPlaces.SUM).value == 0.0
    zero = Reports(1, None, 0, 0.0, 0.0, Point(numerator=0, denominator=0))
    assert combine(zero, AcrossPlaces.SUM).value is None


@given(st.lists(st.tuples(st.integers(0, 1000), st.integers(1, 1000)), min_size=1, max_size=20))
def test_pooled_rate_lies_between_the_extremes(pairs: list[tuple[int, int]]) -> None:
    clean = [(min(n, d), d) for n, d in pairs]
    pooled = combine(rates(*clean), AcrossPlaces.SUM).value
    shares = [n / d for n, d in clean]
    assert pooled is not None
    assert min(shares) - 1e-12 <= pooled <= max(shares) + 1e-12
