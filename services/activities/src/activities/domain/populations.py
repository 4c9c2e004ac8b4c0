"""Whom an activity serves: options of measurement's dimensions.

An activity's populations constrain each dimension they name: it serves people in any of
the named options of a dimension, in every dimension named. No populations means everyone.
Two activities can serve the same people unless, for some dimension both name, their
options have nothing in common (grade 3 and grade 4 never meet; Latino students and third
graders may).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

Served = Mapping[str, frozenset[str]]  # dimension -> options


def served(populations: Iterable[Mapping[str, str]]) -> dict[str, frozenset[str]]:
    by_dimension: dict[str, set[str]] = defaultdict(set)
    for p in populations:
        by_dimension[p["dimension"]].add(p["option"])
    return {d: frozenset(o) for d, o in by_dimension.items()}


def shared(a: Served, b: Served) -> dict[str, frozenset[str]] | None:
    """The people both serve (as dimension -> options; empty: everyone), or None."""
    out = {}
    for dimension in a.keys() | b.keys():
        if dimension in a and dimension in b:
            common = a[dimension] & b[dimension]
            if not common:
                return None
            out[dimension] = common
        else:
            out[dimension] = a.get(dimension) or b[dimension]
    return out


def serves(populations: Served, dimension: str, option: str) -> bool:
    """Whether the activity names this group (an activity for everyone is not aimed at
    any group in particular)."""
    return option in populations.get(dimension, frozenset())
