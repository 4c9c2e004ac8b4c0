"""Disparity figures, worked by hand."""

from __future__ import annotations

from measurement.domain.disparities import Trend, best_group, compare, trend
from measurement.domain.progress import Direction


def test_gap_and_ratio_to_the_reference() -> None:
    gap = compare("black", 45.0, 75.0)
    assert gap.gap == -30.0
    assert gap.ratio == 0.6
    assert compare("x", 3.0, 0.0).ratio is None


def test_best_group_depends_on_direction() -> None:
    values = {"asian": 80.0, "black": 45.0, "white": 80.0}
    assert best_group(values, Direction.INCREASE) == "asian"  # tie: first code
    assert best_group(values, Direction.DECREASE) == "black"


def test_trends_judge_the_size_of_the_gap() -> None:
    assert trend(-30.0, -20.0) is Trend.NARROWING
    assert trend(-20.0, -30.0) is Trend.WIDENING
    assert trend(10.0, -5.0) is Trend.NARROWING  # crossed over, but smaller
    assert trend(-12.0, -12.0) is Trend.STABLE
