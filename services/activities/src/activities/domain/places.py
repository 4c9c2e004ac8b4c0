"""The initiative's places as a tree, and what a set of activity locations reaches in it.

An activity located at a place *covers* that place and every place beneath it. An activity
with no location covers the initiative's whole area. A place is *reached* when it is
covered, or when a place beneath it is (partly served); a place that is not reached is
*untouched*. Gaps are reported at the highest untouched places only: a neighborhood none
of whose schools is reached is one gap, not one per school.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PlaceTree:
    parent: Mapping[str, str | None]  # code -> code of the place it lies in
    _children: dict[str | None, list[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        children: dict[str | None, list[str]] = {}
        for code in sorted(self.parent):
            children.setdefault(self.parent[code], []).append(code)
        object.__setattr__(self, "_children", children)

    def __contains__(self, code: object) -> bool:
        return code in self.parent

    @property
    def roots(self) -> list[str]:
        return self._children.get(None, [])

    def ancestors(self, code: str) -> list[str]:
        """The places ``code`` lies in, nearest first."""
        out: list[str] = []
        current = self.parent.get(code)
        while current is not None and current not in out:
            out.append(current)
            current = self.parent.get(current)
        return out

    def beneath(self, code: str) -> list[str]:
        """``code`` and every place beneath it."""
        out, stack = [], [code]
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(self._children.get(current, []))
        return out

    def would_loop(self, code: str, parent: str | None) -> bool:
        """Whether putting ``code`` under ``parent`` would make a place lie in itself."""
        return parent is not None and (parent == code or code in self.ancestors(parent))

    def covered(self, locations: Iterable[Collection[str]]) -> set[str] | None:
        """The places covered by activities at these locations (one collection of codes per
        activity); None when one of them covers the whole area."""
        out: set[str] = set()
        for places in locations:
            if not places:
                return None
            for code in places:
                if code in self.parent:
                    out.update(self.beneath(code))
        return out

    def untouched(self, locations: Iterable[Collection[str]]) -> list[str]:
        """The highest places no activity at these locations reaches, in code order."""
        covered = self.covered(locations)
        if covered is None:
            return []
        reached = set(covered)
        for code in covered:
            reached.update(self.ancestors(code))
        out, stack = [], list(reversed(self.roots))
        while stack:
            code = stack.pop()
            if code not in reached:
                out.append(code)
            elif code not in covered:
                stack.extend(reversed(self._children.get(code, [])))
        return sorted(out)

    def overlap(self, a: Collection[str], b: Collection[str]) -> list[str] | None:
        """Where activities at ``a`` and at ``b`` both reach: the narrower place of each pair
        that lies in the other (or is the same), in code order; ``[]`` when both cover the
        whole area; None when they meet nowhere."""
        if not a or not b:
            return sorted(b or a)
        shared = set()
        for x in a:
            for y in b:
                if x == y or x in self.ancestors(y):
                    shared.add(y)
                elif y in self.ancestors(x):
                    shared.add(x)
        return sorted(shared) if shared else None
