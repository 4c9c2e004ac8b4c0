"""Figures as people read them: rounded to the indicator's declared decimals, without the
noise of binary floating point (99 of 180 as a percent is 55, not 55.00000000000001).

Figures are computed exactly and rounded once, where they are served (responses, charts,
CSVs, events); decisions (progress status, small cells) are taken on the exact figures.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from typing import overload

from backbone.contracts.measurement.entities import Unit

PROPORTION_DECIMALS = 2
"""For figures that are proportions of others (a gap's ratio, the share of the way)."""
EXACT_DIGITS = 12
"""Significant digits kept of figures that are sums of reported ones (numerators and
denominators): more than any report holds, fewer than the float noise of adding them."""


def decimals_of(declared: int | None, unit: str) -> int:
    """The declared decimals, or the unit's default: none for counts, two otherwise."""
    if declared is not None:
        return declared
    return 0 if unit == Unit.COUNT else 2


def rounded(value: float | None, decimals: int) -> float | None:
    """Half away from zero, as spreadsheets and people round (not to the even digit)."""
    if value is None or not math.isfinite(value):
        return value
    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP))


@overload
def exact(value: float) -> float: ...
@overload
def exact(value: None) -> None: ...
def exact(value: float | None) -> float | None:
    """A sum of reported figures with the noise of adding floats taken off."""
    if value is None or not math.isfinite(value):
        return value
    return float(f"{value:.{EXACT_DIGITS}g}")
