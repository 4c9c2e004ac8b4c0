"""Figures as people read them."""

from __future__ import annotations

import math

import pytest

from measurement.domain.precision import decimals_of, exact, rounded


@pytest.mark.parametrize(("value", "decimals", "shown"), [
    (99 / 180 * 100, 2, 55.0),          # 55.00000000000001 in binary floating point
    (2 / 3 * 100, 2, 66.67),
    (0.125, 2, 0.13),                   # half away from zero, not to the even digit
    (-0.125, 2, -0.13),
    (2.5, 0, 3.0),
    (1234.5678, 1, 1234.6),
    (None, 2, None),
])
def test_rounded(value: float | None, decimals: int, shown: float | None) -> None:
    assert rounded(value, decimals) == shown


def test_not_a_number_stays_what_it_is() -> None:
    assert math.isinf(rounded(math.inf, 2) or 0.0)


def test_exact_sums_lose_only_the_noise() -> None:
    assert 0.1 + 0.2 != 0.3
    assert exact(0.1 + 0.2) == 0.3
    assert exact(1150.0 + 880.0 + 1 / 3) == 2030.33333333


@pytest.mark.parametrize(("declared", "unit", "decimals"), [
    (None, "count", 0), (None, "percent", 2), (None, "rate", 2), (None, "currency", 2),
    (1, "count", 1), (0, "percent", 0),
])
def test_declared_or_the_units_default(declared: int | None, unit: str, decimals: int) -> None:
    assert decimals_of(declared, unit) == decimals
