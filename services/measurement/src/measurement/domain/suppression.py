"""Small-cell protection for disaggregated figures shown to viewers.

A cell whose count (its denominator, or its value for counts) is below the minimum is
suppressed (primary suppression). If a group of cells adds up to a total that is shown,
one suppressed cell could be backed out by subtraction, so the smallest other cell is
suppressed too (complementary suppression), and so on until no group has exactly one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def primary(counts: Mapping[str, float | None], minimum: int) -> set[str]:
    """Cells with a known count below the minimum (zero counts reveal nobody and stay)."""
    return {cell for cell, n in counts.items() if n is not None and 0 < n < minimum}


def protect(counts: Mapping[str, float | None], minimum: int,
            groups: Sequence[Sequence[str]] = ()) -> set[str]:
    """All cells to suppress: primary ones plus complements within each additive group.

    With no ``groups`` given, all cells form one group that adds up to a shown total.
    """
    suppressed = primary(counts, minimum)
    partitions = [list(g) for g in groups] or [list(counts)]
    changed = True
    while changed:
        changed = False
        for group in partitions:
            hidden = [c for c in group if c in suppressed]
            if len(hidden) != 1:
                continue
            visible = [c for c in group if c not in suppressed]
            if not visible:
                continue
            smallest = min(visible, key=lambda c: (counts.get(c) or 0.0, c))
            suppressed.add(smallest)
            changed = True
    return suppressed
