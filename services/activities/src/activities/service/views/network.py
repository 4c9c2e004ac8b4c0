"""The network map: organizations, activities, strategies, goals and indicators as a graph
(Kumu's JSON blueprint: elements and connections), with each organization's standing in the
network of who works with whom (``activities.domain.network``). Cancelled activities are
left out."""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from activities.domain.network import depends_on_cycles, standings
from activities.service.views import snapshot
from backbone.auth.principal import Principal
from backbone.readmodels.agenda import KnownInitiative
from backbone.resources import initiative_row
from backbone.rows import Rows


def _ref(kind: str, id_: uuid.UUID) -> str:
    return f"{kind}:{id_}"


async def network_map(rows: Rows, principal: Principal,
                      initiative_id: uuid.UUID) -> dict[str, Any]:
    """As ``schemas.views.MapRead``, in plain values, ids as text."""
    async with rows.reader(principal.tenant) as read:
        await initiative_row(read, principal, KnownInitiative, initiative_id)
        all_works = await snapshot.activities(read, initiative_id)
        contributions = await snapshot.contributions(read, initiative_id)
        all_links = await snapshot.links(read, initiative_id)
        participants = await snapshot.participant_organizations(read, initiative_id)
        names = await snapshot.organization_names(
            read, participants | {w.lead for w in all_works} | {c[1] for c in contributions})
        strategies = await snapshot.strategies(read, initiative_id)
        goals = await snapshot.goals(read, initiative_id)
        indicators = await snapshot.indicators(read, initiative_id)
    works = {w.id: w for w in all_works if w.status != "cancelled"}
    teams: dict[uuid.UUID, dict[uuid.UUID, list[str]]] = {
        w.id: defaultdict(list, {w.lead: ["leads"]}) for w in works.values()}
    for activity_id, org, role, *_ in contributions:
        if activity_id in teams:
            teams[activity_id][org].append(role)
    links = [(f, t, k) for f, t, k in all_links if f in works and t in works]
    organizations = participants | {org for team in teams.values() for org in team}
    standing = standings(organizations, [list(team) for team in teams.values()],
                         [(works[f].lead, works[t].lead, k) for f, t, k in links])
    in_order = sorted(organizations, key=lambda o: (names.get(o, ""), o))

    elements = [_element("organization", o, names.get(o, str(o)), degree=standing[o].degree,
                         betweenness=standing[o].betweenness, isolate=standing[o].isolate)
                for o in in_order]
    elements += [_element("activity", w.id, w.title, status=w.status) for w in works.values()]
    elements += [_element("strategy", s.id, s.title) for s in strategies]
    elements += [_element("goal", g.id, g.title) for g in goals]
    elements += [_element("indicator", i, name) for i, _, name, _ in indicators]
    present = {e["id"] for e in elements}
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
    connections = [{"id": f"connection:{n}", "from": a, "to": b, "type": kind,
                    "direction": "directed"}
                   for n, (a, b, kind) in enumerate(sorted(edges))
                   if a in present and b in present]
    return {
        "elements": elements, "connections": connections,
        "organizations": [{"organization_id": str(o), "name": names.get(o),
                           "degree": standing[o].degree,
                           "betweenness": standing[o].betweenness,
                           "isolate": standing[o].isolate} for o in in_order],
        "isolates": [str(o) for o in sorted(organizations) if standing[o].isolate],
        "depends_on_cycles": [[str(a) for a in cycle] for cycle in depends_on_cycles(
            [(f, t) for f, t, k in links if k == "depends_on"])]}


def _element(kind: str, id_: uuid.UUID, label: str, **attributes: Any) -> dict[str, Any]:
    """A Kumu element; its ``type`` is the kind, capitalised."""
    return {"id": _ref(kind, id_), "label": label, "type": kind.capitalize(),
            "description": "", "tags": [], **attributes}
