"""Disparity figures and small-cell suppression, worked by hand."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from measurement.domain.disparities import Trend, best_group, compare, trend
from measurement.domain.progress import Direction
from measurement.domain.suppression import primary, protect


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


def test_primary_suppression_keeps_zero_and_unknown_counts() -> None:
    assert primary({"a": 3, "b": 0, "c": 50, "d": None, "e": 9.5}, 10) == {"a", "e"}


def test_one_small_cell_takes_the_next_smallest_with_it() -> None:
    # Total 100 is shown: hiding only "a" (4) would let 100 - 30 - 66 reveal it.
    assert protect({"a": 4, "b": 30, "c": 66}, 10) == {"a", "b"}


def test_two_small_cells_protect_each_other() -> None:
    assert protect({"a": 4, "b": 6, "c": 90}, 10) == {"a", "b"}


def test_groups_are_protected_separately() -> None:
    counts = {"f.a": 3, "f.b": 40, "m.a": 20, "m.b": 25}
    assert protect(counts, 10, [["f.a", "f.b"], ["m.a", "m.b"]]) == {"f.a", "f.b"}


@given(st.dictionaries(st.sampled_from("abcdefgh"), st.integers(0, 40), min_size=2))
def test_no_group_ever_has_exactly_one_hidden_cell(counts: dict[str, int]) -> None:
    hidden = protect(counts, 10)
    assert primary(counts, 10) <= hidden
    assert len(hidden) != 1 or len(counts) == 1
