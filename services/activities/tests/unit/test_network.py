"""The network's shape, worked out by hand.

Organizations A-F. Activities: A and B together, B and C together, C and D together; E leads
an activity that reinforces one C leads. F takes part in nothing. So the ties are A-B, B-C,
C-D and C-E, and F is an isolate.

Betweenness, counting the pairs of other organizations whose shortest path runs through a
node: B lies between A and each of C, D, E (3 pairs); C between each of A, B and each of D,
E, and between D and E (5 pairs). Normalised by the (6-1)(6-2)/2 = 10 pairs of others a node
could lie between: B 0.3, C 0.5, everyone else 0.
"""

from __future__ import annotations

import uuid

from activities.domain.network import closes_cycle, depends_on_cycles, standings

A, B, C, D, E, F = (uuid.UUID(int=n) for n in range(1, 7))


def test_degree_betweenness_and_isolates() -> None:
    found = standings([A, B, C, D, E, F], [[A, B], [B, C], [C, D], [E]],
                      [(E, C, "reinforces"), (A, D, "duplicates")])
    assert {n: s.degree for n, s in found.items()} == {A: 1, B: 2, C: 3, D: 1, E: 1, F: 0}
    assert {n: s.betweenness for n, s in found.items()} == {
        A: 0.0, B: 0.3, C: 0.5, D: 0.0, E: 0.0, F: 0.0}
    assert [n for n, s in found.items() if s.isolate] == [F]


def test_depends_on_cycles_are_found_and_reported_once() -> None:
    one, two, three, four = (uuid.UUID(int=n) for n in range(11, 15))
    links = [(one, two), (two, three), (three, one), (three, four)]
    assert depends_on_cycles(links) == [[one, two, three]]
    assert closes_cycle([(one, two), (two, three)], (three, one)) == [three, one, two]
    assert closes_cycle([(one, two)], (three, one)) is None
