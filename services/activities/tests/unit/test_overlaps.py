"""Overlaps, worked out by hand. All run in June 2026, all but O5 on strategy S1.

    O1  lead A  north  grade 3           2026-01-01 .. 2026-12-31
    O2  lead B  n1     grade 3, Latino   2026-03-01 .. open
    O3  lead C  n1     grade 4
    O4  lead A  n1     grade 3           reinforces O2
    O5  lead D  n1     grade 3           (strategy S2)
    O6  lead E  south  everyone
    O7  lead F  n1     everyone          duplicates O3

O1-O3, O2-O3 and O3-O4 serve different grades; O1-O4 share a lead; O2-O4 reinforce each
other; O5 is on another strategy; O6 is in the south. What remains:
O1-O2 in n1 (north's part), grade 3 Latino, March to December; O1-O7 in n1, grade 3;
O2-O7 in n1, grade 3 Latino, from March; O3-O7 in n1, grade 4, marked as duplicates;
O4-O7 in n1, grade 3.
"""

from __future__ import annotations

import uuid
from datetime import date

from activities.domain.overlaps import find_overlaps
from activities.domain.places import PlaceTree
from activities.domain.populations import served
from activities.domain.work import Work

A, B, C, D, E, F, S1, S2 = (uuid.UUID(int=n) for n in range(1, 9))
O1, O2, O3, O4, O5, O6, O7 = (uuid.UUID(int=n) for n in range(11, 18))
PLACES = PlaceTree({"city": None, "north": "city", "n1": "north", "n2": "north",
                    "south": "city"})


def _work(id_: uuid.UUID, lead: uuid.UUID, place: str | None, grade: str | None,
          latino: bool = False, strategy: uuid.UUID = S1, start: date | None = None,
          end: date | None = None) -> Work:
    people = ([{"dimension": "grade", "option": grade}] if grade else []) + (
        [{"dimension": "race", "option": "latino"}] if latino else [])
    return Work(id_, f"O{id_.int - 10}", "active", start, end, lead, frozenset({strategy}),
                frozenset(), frozenset(), (place,) if place else (), served(people))


WORK = [_work(O1, A, "north", "3", start=date(2026, 1, 1), end=date(2026, 12, 31)),
        _work(O2, B, "n1", "3", latino=True, start=date(2026, 3, 1)),
        _work(O3, C, "n1", "4"),
        _work(O4, A, "n1", "3"),
        _work(O5, D, "n1", "3", strategy=S2),
        _work(O6, E, "south", None),
        _work(O7, F, "n1", None)]
LINKS = [(O4, O2, "reinforces"), (O7, O3, "duplicates")]


def test_overlapping_pairs() -> None:
    found = {(o.first.id, o.second.id): o for o in find_overlaps(WORK, PLACES, LINKS)}
    assert set(found) == {(O1, O2), (O1, O7), (O2, O7), (O3, O7), (O4, O7)}
    o12 = found[(O1, O2)]
    assert (o12.strategies, o12.places, o12.people, o12.dates, o12.marked_duplicate) == (
        [S1], ["n1"], {"grade": {"3"}, "race": {"latino"}},
        (date(2026, 3, 1), date(2026, 12, 31)), False)
    assert found[(O2, O7)].dates == (date(2026, 3, 1), None)
    assert found[(O3, O7)].people == {"grade": {"4"}}
    assert found[(O3, O7)].marked_duplicate
    assert found[(O4, O7)].people == {"grade": {"3"}}
