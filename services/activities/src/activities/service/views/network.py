"""The network map: organizations, activities, strategies, goals and indicators as a graph
(Kumu's JSON blueprint: elements and connections), with each organization's standing in the
network of who works with whom (``activities.domain.network``). Cancelled activities are
left out."""

from __future__ import annotations

import uuid
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from activities.domain.network import depends_on_cycles, standings
from activities.schemas.views import MapConnection, MapElement, MapRead, OrganizationStanding
from activities.service.views import snapshot
from activities.service.views.access import readable_initiative
from backbone.auth.principal import Principal
from backbone.readmodels.measurement import KnownIndicator


def _ref(kind: str, id_: uuid.UUID) -> str:
    return f"{kind}:{id_}"


async def network_map(session: AsyncSession, principal: Principal,
                      initiative_id: uuid.UUID) -> MapRead:
    await readable_initiative(session, principal, initiative_id)
    works = {w.id: w for w in await snapshot.activities(session, initiative_id)
             if w.status != "cancelled"}
    teams: dict[uuid.UUID, dict[uuid.UUID, list[str]]] = {
        w.id: defaultdict(list, {w.lead: ["leads"]}) for w in works.values()}
    for activity_id, org, role, *_ in await snapshot.contributors(session, initiative_id):
        if activity_id in teams:
            teams[activity_id][org].append(role)
    links = [(f, t, k) for f, t, k in await snapshot.links(session, initiative_id)
             if f in works and t in works]
    organizations = await snapshot.participant_organizations(session, initiative_id)
    organizations |= {org for team in teams.values() for org in team}
    standing = standings(organizations, [list(team) for team in teams.values()],
                         [(works[f].lead, works[t].lead, k) for f, t, k in links])
    names = await snapshot.organization_names(session, organizations)
    strategies = await snapshot.strategies(session, initiative_id)
    goals = await snapshot.goals(session, initiative_id)
    indicators = (await session.execute(select(KnownIndicator.id, KnownIndicator.name).where(
        KnownIndicator.initiative_id == initiative_id))).tuples().all()

    elements = [MapElement(id=_ref("organization", o), label=names.get(o, str(o)),
                           type="Organization", degree=standing[o].degree,
                           betweenness=standing[o].betweenness, isolate=standing[o].isolate)
                for o in sorted(organizations, key=lambda o: (names.get(o, ""), o))]
    elements += [MapElement(id=_ref("activity", w.id), label=w.title, type="Activity",
                            status=w.status) for w in works.values()]
    elements += [MapElement(id=_ref("strategy", s.id), label=s.title, type="Strategy")
                 for s in strategies]
    elements += [MapElement(id=_ref("goal", g.id), label=g.title, type="Goal") for g in goals]
    elements += [MapElement(id=_ref("indicator", i), label=name, type="Indicator")
                 for i, name in indicators]
    present = {e.id for e in elements}
    edges: list[tuple[str, str, str]] = []
    for w in works.values():
        activity = _ref("activity", w.id)
        edges += [(_ref("organization", org), activity, role)
                  for org, roles in teams[w.id].items() for role in roles]
        edges += [(activity, _ref("strategy", s), "serves") for s in w.strategies]
        edges += [(activity, _ref("goal", g), "serves") for g in w.goals]
        edges += [(activity, _ref("indicator", i), "contributes to") for i in w.indicators]
    edges += [(_ref("strategy", s.id), _ref("goal", s.goal_id), "part of") for s in strategies]
    edges += [(_ref("activity", f), _ref("activity", t), k) for f, t, k in links]
    connections = [MapConnection(id=f"connection:{n}", from_=a, to=b, type=kind)
                   for n, (a, b, kind) in enumerate(sorted(edges))
                   if a in present and b in present]
    return MapRead(
        elements=elements, connections=connections,
        organizations=[OrganizationStanding(
            organization_id=o, name=names.get(o), degree=standing[o].degree,
            betweenness=standing[o].betweenness, isolate=standing[o].isolate)
            for o in sorted(organizations, key=lambda o: (names.get(o, ""), o))],
        isolates=sorted(o for o in organizations if standing[o].isolate),
        depends_on_cycles=depends_on_cycles([(f, t) for f, t, k in links
                                             if k == "depends_on"]))
