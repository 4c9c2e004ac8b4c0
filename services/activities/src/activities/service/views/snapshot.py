"""Reading an initiative's activities, agenda and measures for the views, as plain values.

Statuses and disparities are read as they stood at the end of the day asked (measurement's
history in the read model); the agenda, the geography list and the activities are read as
they are now, the activities then judged by their status and dates on that day.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import BindParameter, Select, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from activities.domain.gaps import Plan
from activities.domain.places import PlaceTree
from activities.domain.populations import served
from activities.domain.work import Goal, Measure, Strategy, Widening, Work
from activities.models import Activity, ActivityLink, Contributor, Geography
from backbone.readmodels.agenda import KnownGoal, KnownOrganization, KnownParticipant, KnownStrategy
from backbone.readmodels.measurement import DisparitiesSince, KnownIndicator, ProgressStatusSince

_INITIATIVE: BindParameter[uuid.UUID] = bindparam("initiative_id")
_UNTIL: BindParameter[datetime] = bindparam("until")

_ACTIVITIES = select(
    Activity.id, Activity.title, Activity.status, Activity.start_date, Activity.end_date,
    Activity.lead_organization_id, Activity.strategy_ids, Activity.goal_ids,
    Activity.indicator_ids, Activity.geographies, Activity.populations,
).where(Activity.initiative_id == _INITIATIVE)
_GOALS = select(KnownGoal.id, KnownGoal.title).where(KnownGoal.initiative_id == _INITIATIVE)
_STRATEGIES = select(KnownStrategy.id, KnownStrategy.title, KnownStrategy.goal_id).where(
    KnownStrategy.initiative_id == _INITIATIVE)
_PLACES = select(Geography.code, Geography.parent, Geography.name).where(
    Geography.initiative_id == _INITIATIVE)
_INDICATORS = select(KnownIndicator.id, KnownIndicator.code, KnownIndicator.name).where(
    KnownIndicator.initiative_id == _INITIATIVE, KnownIndicator.status != "retired")
_STATUSES = select(ProgressStatusSince.indicator_id, ProgressStatusSince.status).where(
    ProgressStatusSince.initiative_id == _INITIATIVE, ProgressStatusSince.since < _UNTIL,
).order_by(ProgressStatusSince.indicator_id, ProgressStatusSince.since.desc()).distinct(
    ProgressStatusSince.indicator_id)
_DISPARITIES = select(DisparitiesSince.indicator_id, DisparitiesSince.dimensions).where(
    DisparitiesSince.initiative_id == _INITIATIVE, DisparitiesSince.since < _UNTIL,
).order_by(DisparitiesSince.indicator_id, DisparitiesSince.since.desc()).distinct(
    DisparitiesSince.indicator_id)
_CONTRIBUTORS = select(Contributor.activity_id, Contributor.organization_id, Contributor.role,
                       Contributor.money_amount, Contributor.money_currency,
                       Contributor.staff_hours, Contributor.in_kind).where(
    Contributor.initiative_id == _INITIATIVE)
_LINKS = select(ActivityLink.from_activity_id, ActivityLink.to_activity_id,
                ActivityLink.kind).where(ActivityLink.initiative_id == _INITIATIVE)
_PARTICIPANTS = select(KnownParticipant.organization_id).where(
    KnownParticipant.initiative_id == _INITIATIVE,
    KnownParticipant.organization_id.is_not(None))
_NAMES = select(KnownOrganization.id, KnownOrganization.name).where(
    KnownOrganization.id.in_(bindparam("ids", expanding=True)))


def end_of(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), time(), tzinfo=UTC)


async def _rows(session: AsyncSession, stmt: Select[Any], **params: Any) -> list[Any]:
    return list((await session.execute(stmt, params)).tuples())


async def activities(session: AsyncSession, initiative_id: uuid.UUID) -> list[Work]:
    return [Work(id_, title, status, start, end, lead, frozenset(strategies),
                 frozenset(goals), frozenset(indicators), tuple(places), served(people))
            for (id_, title, status, start, end, lead, strategies, goals, indicators, places,
                 people) in await _rows(session, _ACTIVITIES, initiative_id=initiative_id)]


async def goals(session: AsyncSession, initiative_id: uuid.UUID) -> list[Goal]:
    rows = await _rows(session, _GOALS, initiative_id=initiative_id)
    return sorted((Goal(*r) for r in rows), key=lambda g: (g.title, g.id))


async def strategies(session: AsyncSession, initiative_id: uuid.UUID) -> list[Strategy]:
    rows = await _rows(session, _STRATEGIES, initiative_id=initiative_id)
    return sorted((Strategy(*r) for r in rows), key=lambda s: (s.title, s.id))


async def places(session: AsyncSession, initiative_id: uuid.UUID
                 ) -> tuple[PlaceTree, dict[str, str]]:
    rows = await _rows(session, _PLACES, initiative_id=initiative_id)
    return PlaceTree({code: parent for code, parent, _ in rows}), \
        {code: name for code, _, name in rows}


async def plan(session: AsyncSession, initiative_id: uuid.UUID, day: date) -> Plan:
    until = end_of(day)
    statuses = dict(await _rows(session, _STATUSES, initiative_id=initiative_id, until=until))
    measures = [Measure(id_, code, name, statuses.get(id_))
                for id_, code, name in await _rows(session, _INDICATORS,
                                                   initiative_id=initiative_id)]
    known = {m.id for m in measures}
    widening = [
        Widening(indicator_id, d["dimension"], t["group"], d["reference_group"],
                 t["first_period"], t["last_period"], t["first_gap"], t["last_gap"])
        for indicator_id, dimensions in await _rows(session, _DISPARITIES,
                                                    initiative_id=initiative_id, until=until)
        if indicator_id in known
        for d in dimensions for t in d["trends"] if t["trend"] == "widening"]
    tree, names = await places(session, initiative_id)
    return Plan(goals=await goals(session, initiative_id),
                strategies=await strategies(session, initiative_id), places=tree,
                place_names=names, measures=sorted(measures, key=lambda m: m.code),
                widening=sorted(widening, key=lambda w: (str(w.indicator_id), w.dimension,
                                                         w.group)))


async def contributors(session: AsyncSession, initiative_id: uuid.UUID) -> list[Any]:
    """(activity, organization, role, amount, currency, staff hours, in kind) rows."""
    return await _rows(session, _CONTRIBUTORS, initiative_id=initiative_id)


async def links(session: AsyncSession, initiative_id: uuid.UUID
                ) -> list[tuple[uuid.UUID, uuid.UUID, str]]:
    return await _rows(session, _LINKS, initiative_id=initiative_id)


async def participant_organizations(session: AsyncSession, initiative_id: uuid.UUID
                                    ) -> set[uuid.UUID]:
    return {r[0] for r in await _rows(session, _PARTICIPANTS, initiative_id=initiative_id)}


async def organization_names(session: AsyncSession, ids: set[uuid.UUID]
                             ) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    return dict(await _rows(session, _NAMES, ids=list(ids)))
