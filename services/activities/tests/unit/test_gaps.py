"""Gaps, worked out by hand on a small initiative.

Goals: G1 (strategies S1, S2), G2 (strategy S3), G3 (no strategy).
Places: city > {north > {n1, n2}, south > {s1}}.
Indicators: I1 off track, I2 off track, I3 on track.
Activities:
  W1 on S1 in n1, contributing to I1, for Latino children;
  W2 on S1 in s1;
  W3 on S2, only planned;
  W4 serving G3 directly, completed at the end of 2025.
Measurement says the Latino and the Black gaps on I1 are widening.
"""

from __future__ import annotations

import uuid
from datetime import date

from activities.domain.gaps import GapKind, Plan, find_gaps
from activities.domain.places import PlaceTree
from activities.domain.populations import served
from activities.domain.schedule import runs_on
from activities.domain.work import Goal, Measure, Strategy, Widening, Work

G1, G2, G3, S1, S2, S3, I1, I2, I3, W1, W2, W3, W4 = (uuid.UUID(int=n) for n in range(1, 14))
PLACES = PlaceTree({"city": None, "north": "city", "n1": "north", "n2": "north",
                    "south": "city", "s1": "south"})


def _work(id_: uuid.UUID, status: str, *, strategies: tuple[uuid.UUID, ...] = (),
          goals: tuple[uuid.UUID, ...] = (), indicators: tuple[uuid.UUID, ...] = (),
          places: tuple[str, ...] = (), groups: tuple[str, ...] = (),
          end: date | None = None) -> Work:
    return Work(id_, str(id_), status, None, end, uuid.uuid4(), frozenset(strategies),
                frozenset(goals), frozenset(indicators), places,
                served([{"dimension": "race", "option": g} for g in groups]))


WORK = [_work(W1, "active", strategies=(S1,), indicators=(I1,), places=("n1",),
              groups=("latino",)),
        _work(W2, "active", strategies=(S1,), places=("s1",)),
        _work(W3, "planned", strategies=(S2,)),
        _work(W4, "completed", goals=(G3,), end=date(2025, 12, 31))]


def _widening(group: str) -> Widening:
    return Widening(I1, "race", group, "white", "2021", "2025", -10.0, -19.0)


PLAN = Plan(goals=[Goal(G1, "Ready for school"), Goal(G2, "Reading"), Goal(G3, "Careers")],
            strategies=[Strategy(S1, "Tutoring", G1), Strategy(S2, "Pre-K", G1),
                        Strategy(S3, "Libraries", G2)],
            places=PLACES, place_names={"n1": "North 1", "n2": "North 2"},
            measures=[Measure(I1, "reading", "Third-grade reading", "off_track"),
                      Measure(I2, "ready", "Kindergarten readiness", "off_track"),
                      Measure(I3, "grad", "Graduation", "on_track")],
            widening=[_widening("latino"), _widening("black")])


def _gaps(day: date) -> set[tuple[str, uuid.UUID | None, tuple[str, ...], str | None]]:
    running = [w for w in WORK if runs_on(w.status, w.start, w.end, day)]
    return {(g.kind.value, g.strategy_id or g.indicator_id or g.goal_id, g.geographies,
             g.widening.group if g.widening else None) for g in find_gaps(PLAN, running)}


def test_gaps_in_june_2026() -> None:
    assert _gaps(date(2026, 6, 1)) == {
        # G1 is served through S1; G2's only strategy has nobody; W4 ended in 2025.
        (GapKind.GOAL_WITHOUT_ACTIVITY, G2, (), None),
        (GapKind.GOAL_WITHOUT_ACTIVITY, G3, (), None),
        # W3 is only planned.
        (GapKind.STRATEGY_WITHOUT_ACTIVITY, S2, (), None),
        (GapKind.STRATEGY_WITHOUT_ACTIVITY, S3, (), None),
        # S1 reaches n1 and s1: north and south are partly reached, n2 not at all.
        (GapKind.GEOGRAPHY_WITHOUT_ACTIVITY, S1, ("n2",), None),
        # I1 has W1; I2 has nobody; I3 is on track.
        (GapKind.INDICATOR_OFF_TRACK_WITHOUT_ACTIVITY, I2, (), None),
        # W1 serves Latino children on I1, in n1 only (so not in n2, nor anywhere in the
        # south); nobody serves Black children anywhere.
        (GapKind.WIDENING_GAP_WITHOUT_ACTIVITY, I1, ("n2", "south"), "latino"),
        (GapKind.WIDENING_GAP_WITHOUT_ACTIVITY, I1, (), "black"),
    }


def test_a_year_earlier_the_completed_activity_was_running() -> None:
    assert (GapKind.GOAL_WITHOUT_ACTIVITY, G3, (), None) not in _gaps(date(2025, 6, 1))


def test_each_gap_says_why() -> None:
    running = [w for w in WORK if runs_on(w.status, w.start, w.end, date(2026, 6, 1))]
    reasons = {(g.kind, g.widening.group if g.widening else None): g.reason
               for g in find_gaps(PLAN, running)}
    assert reasons[(GapKind.GEOGRAPHY_WITHOUT_ACTIVITY, None)] == (
        "The strategy 'Tutoring' has running activities, but none reaches North 2 (n2).")
    assert reasons[(GapKind.WIDENING_GAP_WITHOUT_ACTIVITY, "latino")] == (
        "The gap between latino and white on 'Third-grade reading' is widening (-10 in 2021, "
        "-19 in 2025), and no running activity contributing to it serves latino in North 2 "
        "(n2) and south.")
    assert reasons[(GapKind.INDICATOR_OFF_TRACK_WITHOUT_ACTIVITY, None)] == (
        "'Kindergarten readiness' is off track and no running activity contributes to it.")


def test_a_long_list_of_places_is_counted_in_the_reason() -> None:
    many = PlaceTree({f"p{n}": None for n in range(8)})
    plan = Plan(goals=[], strategies=[Strategy(S1, "Tutoring", G1)], places=many,
                place_names={}, measures=[], widening=[])
    [gap] = find_gaps(plan, [_work(W1, "active", strategies=(S1,), places=("p0",))])
    assert gap.geographies == tuple(f"p{n}" for n in range(1, 8))
    assert gap.reason.endswith("none reaches 7 places: p1, p2, p3, p4, p5 and 2 more.")
