"""Disaggregation cells: which dimension options a figure is for, validated and keyed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


def cell_key(disaggregation: Mapping[str, str]) -> str:
    """The canonical text of a cell: ``dim=option`` pairs sorted by dimension; '' is the total."""
    return ";".join(f"{d}={o}" for d, o in sorted(disaggregation.items()))


def parse_cell(key: str) -> dict[str, str]:
    """The disaggregation a cell's canonical text stands for."""
    return dict(pair.split("=", 1) for pair in key.split(";") if pair)


@dataclass(frozen=True)
class Scheme:
    """The dimensions an indicator is disaggregated by: code -> option codes."""

    options: Mapping[str, frozenset[str]] = field(default_factory=dict)
    retired: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def check(self, disaggregation: Mapping[str, str], *, for_new_data: bool) -> str | None:
        """Why the cell is not valid for this indicator, or None when it is."""
        for dimension, option in disaggregation.items():
            if dimension not in self.options:
                known = ", ".join(sorted(self.options)) or "none"
                return f"'{dimension}' is not a dimension of this indicator (it has: {known})"
            if option in self.retired.get(dimension, frozenset()):
                if for_new_data:
                    return f"option '{option}' of '{dimension}' is retired"
            elif option not in self.options[dimension]:
                return f"'{option}' is not an option of '{dimension}'"
        return None

    def all_options(self, dimension: str) -> list[str]:
        """Active and retired options, so history that uses retired ones stays readable."""
        return sorted(self.options.get(dimension, frozenset())
                      | self.retired.get(dimension, frozenset()))
