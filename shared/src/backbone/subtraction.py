"""The attacker of disclosure tests: which hidden sums can be worked out from shown ones.

A figure is written as the set of finest cells (atoms) it adds up. A hidden figure is
recovered by subtraction exactly when its atoms' sum is a linear combination of shown
figures' sums; this is decided with exact rational arithmetic, independently of how the
platform decides what to hide. Tests of every view that shows aggregates use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction

Row = dict[int, Fraction]


def recoverable(target: Iterable[int], shown: Iterable[Iterable[int]]) -> bool:
    """Whether the sum over ``target``'s atoms follows from the sums of ``shown``."""
    rows = [{a: Fraction(1) for a in atoms} for atoms in shown]
    return _rank(rows) == _rank([*rows, {a: Fraction(1) for a in target}])


def _rank(rows: Sequence[Row]) -> int:
    pivots: dict[int, Row] = {}
    for original in rows:
        row = {c: v for c, v in original.items() if v}
        for column, pivot in pivots.items():
            if row.get(column):
                factor = row[column] / pivot[column]
                for c, v in pivot.items():
                    row[c] = row.get(c, Fraction(0)) - factor * v
                row = {c: v for c, v in row.items() if v}
        if row:
            pivots[min(row)] = row
    return len(pivots)
