"""Gaps: where the initiative's plan and its data call for work that no running activity
does. Each gap says why it is one.

* a goal no running activity serves, directly or through one of its strategies;
* a strategy no running activity serves;
* for a strategy that has running activities, the places of the initiative's list none of
  them reaches (the highest such places, ``places``), as one gap listing them;
* an indicator off track (as viewers see it) to which no running activity contributes;
* need vs presence: a group whose gap on an indicator is widening, and no running activity
  contributing to that indicator names the group among those it serves; when some do,
  one gap listing the highest places none of them reaches.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from activities.domain.places import PlaceTree
from activities.domain.populations import serves
from activities.domain.work import Goal, Measure, Strategy, Widening, Work


class GapKind(StrEnum):
    GOAL_WITHOUT_ACTIVITY = "goal_without_activity"
    STRATEGY_WITHOUT_ACTIVITY = "strategy_without_activity"
    GEOGRAPHY_WITHOUT_ACTIVITY = "geography_without_activity"
    INDICATOR_OFF_TRACK_WITHOUT_ACTIVITY = "indicator_off_track_without_activity"
    WIDENING_GAP_WITHOUT_ACTIVITY = "widening_gap_without_activity"


@dataclass(frozen=True)
class Gap:
    kind: GapKind
    reason: str
    goal_id: uuid.UUID | None = None
    strategy_id: uuid.UUID | None = None
    indicator_id: uuid.UUID | None = None
    geographies: tuple[str, ...] = field(default=())
    """The places left out (none: the gap is everywhere, or not about places)."""
    widening: Widening | None = None
    activity_ids: tuple[uuid.UUID, ...] = field(default=())
    """Running activities that do the work elsewhere (for a gap in some places)."""


@dataclass(frozen=True)
class Plan:
    goals: Sequence[Goal]
    strategies: Sequence[Strategy]
    places: PlaceTree
    place_names: dict[str, str]
    measures: Sequence[Measure]
    widening: Sequence[Widening]


def find_gaps(plan: Plan, running: Sequence[Work]) -> list[Gap]:
    """The gaps, given the activities running on the day asked (``activity_ids`` in id
    order)."""
    running = sorted(running, key=lambda w: w.id.int)
    return [*_goal_gaps(plan, running), *_strategy_gaps(plan, running),
            *_measure_gaps(plan, running), *_group_gaps(plan, running)]


def _goal_gaps(plan: Plan, running: Sequence[Work]) -> list[Gap]:
    served = {g for w in running for g in w.goals}
    served_strategies = {s for w in running for s in w.strategies}
    served |= {s.goal_id for s in plan.strategies if s.id in served_strategies}
    return [Gap(GapKind.GOAL_WITHOUT_ACTIVITY,
                f"No running activity serves the goal '{g.title}', directly or through "
                "one of its strategies.", goal_id=g.id)
            for g in plan.goals if g.id not in served]


def _strategy_gaps(plan: Plan, running: Sequence[Work]) -> list[Gap]:
    out = []
    for strategy in plan.strategies:
        doing = [w for w in running if strategy.id in w.strategies]
        if not doing:
            out.append(Gap(GapKind.STRATEGY_WITHOUT_ACTIVITY,
                           f"No running activity serves the strategy '{strategy.title}'.",
                           goal_id=strategy.goal_id, strategy_id=strategy.id))
            continue
        places = plan.places.untouched(w.places for w in doing)
        if places:
            out.append(Gap(
                GapKind.GEOGRAPHY_WITHOUT_ACTIVITY,
                f"The strategy '{strategy.title}' has running activities, but none reaches "
                f"{_places(plan, places)}.", goal_id=strategy.goal_id,
                strategy_id=strategy.id, geographies=tuple(places),
                activity_ids=tuple(w.id for w in doing)))
    return out


def _measure_gaps(plan: Plan, running: Sequence[Work]) -> list[Gap]:
    contributed = {i for w in running for i in w.indicators}
    return [Gap(GapKind.INDICATOR_OFF_TRACK_WITHOUT_ACTIVITY,
                f"'{m.name}' is off track and no running activity contributes to it.",
                indicator_id=m.id)
            for m in plan.measures if m.progress_status == "off_track"
            and m.id not in contributed]


def _group_gaps(plan: Plan, running: Sequence[Work]) -> list[Gap]:
    names = {m.id: m.name for m in plan.measures}
    out = []
    for w in plan.widening:
        if w.indicator_id not in names:
            continue
        serving = [a for a in running if w.indicator_id in a.indicators
                   and serves(a.populations, w.dimension, w.group)]
        why = (f"The gap between {w.group} and {w.reference_group} on '{names[w.indicator_id]}' "
               f"is widening ({_figure(w.first_gap)} in {w.first_period}, "
               f"{_figure(w.last_gap)} in {w.last_period})")
        if not serving:
            out.append(Gap(GapKind.WIDENING_GAP_WITHOUT_ACTIVITY,
                           f"{why}, and no running activity contributing to it serves "
                           f"{w.group}.", indicator_id=w.indicator_id, widening=w))
            continue
        places = plan.places.untouched(a.places for a in serving)
        if places:
            out.append(Gap(GapKind.WIDENING_GAP_WITHOUT_ACTIVITY,
                           f"{why}, and no running activity contributing to it serves "
                           f"{w.group} in {_places(plan, places)}.",
                           indicator_id=w.indicator_id, geographies=tuple(places), widening=w,
                           activity_ids=tuple(a.id for a in serving)))
    return out


LISTED = 5
"""Places named in a reason; the gap's ``geographies`` has them all."""


def _places(plan: Plan, codes: Sequence[str]) -> str:
    named = []
    for code in codes[:LISTED]:
        name = plan.place_names.get(code, code)
        named.append(name if name == code else f"{name} ({code})")
    if len(codes) > LISTED:
        return f"{len(codes)} places: {', '.join(named)} and {len(codes) - LISTED} more"
    return " and ".join([", ".join(named[:-1]), named[-1]] if len(named) > 1 else named)


def _figure(value: float) -> str:
    return f"{value:+.1f}".rstrip("0").rstrip(".")
