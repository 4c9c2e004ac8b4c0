"""Reading an initiative's activities, agenda and measures for the views, as plain values.

The statements are SQLAlchemy Core, compiled once and run on the read pool's connections
(``backbone.rows``): a view reads a few hundred rows from several tables, and the ORM's
row handling was most of its cost. Statuses and disparities are read as they stood at the
end of the day asked (measurement's history in the read model); the agenda, the geography
list and the activities as they are now, the activities then judged by their status and
dates on that day.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import BindParameter, DateTime, Uuid, any_, bindparam, select
from sqlalchemy.dialects.postgresql import ARRAY

from activities.domain.gaps import Plan
from activities.domain.places import PlaceTree
from activities.domain.populations import served
from activities.domain.work import Goal, Measure, Strategy, Widening, Work
from activities.models import Activity, ActivityLink, Contributor, Geography
from backbone.readmodels.agenda import (
    KnownGoal,
    KnownOrganization,
    KnownParticipant,
    KnownStrategy,
)
from backbone.readmodels.measurement import DisparitiesSince, KnownIndicator, ProgressStatusSince
from backbone.rows import RowQuery, RowReader

_INITIATIVE: BindParameter[uuid.UUID] = bindparam("initiative_id", type_=Uuid)
_UNTIL: BindParameter[datetime] = bindparam("until", type_=DateTime(timezone=True))

_ACTIVITIES = RowQuery(select(
    Activity.id, Activity.title, Activity.status, Activity.start_date, Activity.end_date,
    Activity.lead_organization_id, Activity.strategy_ids, Activity.goal_ids,
    Activity.indicator_ids, Activity.geographies, Activity.populations,
).where(Activity.initiative_id == _INITIATIVE))
_GOALS = RowQuery(select(KnownGoal.id, KnownGoal.title).where(
    KnownGoal.initiative_id == _INITIATIVE))
_STRATEGIES = RowQuery(select(KnownStrategy.id, KnownStrategy.title,
                              KnownStrategy.goal_id).where(
    KnownStrategy.initiative_id == _INITIATIVE))
_PLACES = RowQuery(select(Geography.code, Geography.parent, Geography.name).where(
    Geography.initiative_id == _INITIATIVE))
_INDICATORS = RowQuery(select(KnownIndicator.id, KnownIndicator.code, KnownIndicator.name,
                              KnownIndicator.status).where(
    KnownIndicator.initiative_id == _INITIATIVE))
_STATUSES = RowQuery(select(ProgressStatusSince.indicator_id, ProgressStatusSince.status).where(
    ProgressStatusSince.initiative_id == _INITIATIVE, ProgressStatusSince.since < _UNTIL,
).order_by(ProgressStatusSince.indicator_id, ProgressStatusSince.since.desc()).distinct(
    ProgressStatusSince.indicator_id))
_DISPARITIES = RowQuery(select(DisparitiesSince.indicator_id, DisparitiesSince.dimensions).where(
    DisparitiesSince.initiative_id == _INITIATIVE, DisparitiesSince.since < _UNTIL,
).order_by(DisparitiesSince.indicator_id, DisparitiesSince.since.desc()).distinct(
    DisparitiesSince.indicator_id))
_CONTRIBUTORS = RowQuery(select(
    Contributor.activity_id, Contributor.organization_id, Contributor.role,
    Contributor.money_amount, Contributor.money_currency, Contributor.staff_hours,
    Contributor.in_kind).where(Contributor.initiative_id == _INITIATIVE))
_LINKS = RowQuery(select(ActivityLink.from_activity_id, ActivityLink.to_activity_id,
                         ActivityLink.kind).where(ActivityLink.initiative_id == _INITIATIVE))
_PARTICIPANTS = RowQuery(select(KnownParticipant.organization_id).where(
    KnownParticipant.initiative_id == _INITIATIVE,
    KnownParticipant.organization_id.is_not(None)))
_NAMES = RowQuery(select(KnownOrganization.id, KnownOrganization.name).where(
    KnownOrganization.id == any_(bindparam("ids", type_=ARRAY(Uuid)))))

Contribution = tuple[uuid.UUID, uuid.UUID, str, Any, str | None, float | None, str]
"""(activity, organization, role, amount, currency, staff hours, in kind)."""


def end_of(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), time(), tzinfo=UTC)


_NONE: frozenset[Any] = frozenset()
_EVERYONE = served([])


async def activities(read: RowReader, initiative_id: uuid.UUID) -> list[Work]:
    return [Work(id_, title, status, start, end, lead,
                 frozenset(strategies) if strategies else _NONE,
                 frozenset(goals) if goals else _NONE,
                 frozenset(indicators) if indicators else _NONE, tuple(places),
                 served(people) if people else _EVERYONE)
            for (id_, title, status, start, end, lead, strategies, goals, indicators, places,
                 people) in await read.all(_ACTIVITIES, {"initiative_id": initiative_id})]


async def goals(read: RowReader, initiative_id: uuid.UUID) -> list[Goal]:
    rows = await read.all(_GOALS, {"initiative_id": initiative_id})
    return sorted((Goal(*r) for r in rows), key=lambda g: (g.title, g.id))


async def strategies(read: RowReader, initiative_id: uuid.UUID) -> list[Strategy]:
    rows = await read.all(_STRATEGIES, {"initiative_id": initiative_id})
    return sorted((Strategy(*r) for r in rows), key=lambda s: (s.title, s.id))


async def places(read: RowReader, initiative_id: uuid.UUID
                 ) -> tuple[PlaceTree, dict[str, str]]:
    rows = await read.all(_PLACES, {"initiative_id": initiative_id})
    return PlaceTree({code: parent for code, parent, _ in rows}), \
        {code: name for code, _, name in rows}


async def indicators(read: RowReader, initiative_id: uuid.UUID
                     ) -> list[tuple[uuid.UUID, str, str, str]]:
    """(id, code, name, status) of every indicator, retired ones included."""
    return [tuple(r) for r in await read.all(_INDICATORS, {"initiative_id": initiative_id})]


async def plan(read: RowReader, initiative_id: uuid.UUID, day: date) -> Plan:
    params = {"initiative_id": initiative_id, "until": end_of(day)}
    statuses: dict[uuid.UUID, str] = {i: s for i, s in await read.all(_STATUSES, params)}
    measures = [Measure(id_, code, name, statuses.get(id_))
                for id_, code, name, status in await indicators(read, initiative_id)
                if status != "retired"]
    known = {m.id for m in measures}
    widening = [
        Widening(indicator_id, d["dimension"], t["group"], d["reference_group"],
                 t["first_period"], t["last_period"], t["first_gap"], t["last_gap"])
        for indicator_id, dimensions in await read.all(_DISPARITIES, params)
        if indicator_id in known
        for d in dimensions for t in d["trends"] if t["trend"] == "widening"]
    tree, names = await places(read, initiative_id)
    return Plan(goals=await goals(read, initiative_id),
                strategies=await strategies(read, initiative_id), places=tree,
                place_names=names, measures=sorted(measures, key=lambda m: m.code),
                widening=sorted(widening, key=lambda w: (str(w.indicator_id), w.dimension,
                                                         w.group)))


async def contributions(read: RowReader, initiative_id: uuid.UUID) -> list[Contribution]:
    return [tuple(r) for r in await read.all(_CONTRIBUTORS, {"initiative_id": initiative_id})]


async def links(read: RowReader, initiative_id: uuid.UUID
                ) -> list[tuple[uuid.UUID, uuid.UUID, str]]:
    return [tuple(r) for r in await read.all(_LINKS, {"initiative_id": initiative_id})]


async def participant_organizations(read: RowReader, initiative_id: uuid.UUID
                                    ) -> set[uuid.UUID]:
    return {r[0] for r in await read.all(_PARTICIPANTS, {"initiative_id": initiative_id})}


async def organization_names(read: RowReader, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    return {id_: name for id_, name in await read.all(_NAMES, {"ids": list(ids)})}
