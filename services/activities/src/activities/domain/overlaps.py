"""Overlaps: activities of different organizations doing the same thing for the same people
in the same place at the same time, without saying that they reinforce each other.

Two running activities overlap when their lead organizations differ, they serve a strategy
in common, their places meet (the same place, or one lying in the other; no place is the
whole area), the people they serve can be the same (``populations.shared``), and neither
has a ``reinforces`` link to the other. A ``duplicates`` link does not settle an overlap;
it is reported as marked.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from activities.domain import populations, schedule
from activities.domain.places import PlaceTree
from activities.domain.work import Work

Link = tuple[uuid.UUID, uuid.UUID, str]  # from, to, kind


@dataclass(frozen=True)
class Overlap:
    first: Work
    second: Work
    strategies: list[uuid.UUID]
    places: list[str]  # [] means the whole area
    people: dict[str, frozenset[str]]  # {} means everyone
    dates: tuple[date | None, date | None]
    marked_duplicate: bool


def find_overlaps(running: Sequence[Work], places: PlaceTree,
                  links: Collection[Link]) -> list[Overlap]:
    by_strategy: dict[uuid.UUID, list[Work]] = defaultdict(list)
    for work in sorted(running, key=lambda w: w.id):
        for strategy in work.strategies:
            by_strategy[strategy].append(work)
    pairs: dict[tuple[uuid.UUID, uuid.UUID], tuple[Work, Work]] = {}
    for doing in by_strategy.values():
        for a, b in combinations(doing, 2):
            if a.lead != b.lead:
                pairs[(a.id, b.id)] = (a, b)
    between: dict[frozenset[uuid.UUID], set[str]] = defaultdict(set)
    for f, t, kind in links:
        between[frozenset((f, t))].add(kind)
    out = []
    for (a_id, b_id), (a, b) in sorted(pairs.items()):
        kinds = between.get(frozenset((a_id, b_id)), set())
        if "reinforces" in kinds:
            continue
        where = places.overlap(a.places, b.places)
        people = populations.shared(a.populations, b.populations)
        dates = schedule.intersect((a.start, a.end), (b.start, b.end))
        if where is None or people is None or dates is None:
            continue
        out.append(Overlap(a, b, sorted(a.strategies & b.strategies), where, people, dates,
                           "duplicates" in kinds))
    return out
