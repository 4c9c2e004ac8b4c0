"""The alignment matrix: strategies x organizations (x places, with ``by=geography``), each
cell the activities the organization leads or contributes to there, with what it brings,
and each activity's status once. Also as CSV, one row per cell and activity (the flat
"who does what where" table of 3W).

The matrix is built as plain values (``schemas.views.AlignmentRead`` is its shape), ids as
text: for a large initiative it has thousands of cells, and building models for them cost
more than everything else together (and pydantic-core serializes asyncpg's ids several
times slower than text).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from activities.domain.work import Work
from activities.schemas.activities import ActivityStatus
from activities.schemas.views import AlignmentBy
from activities.service.views import snapshot
from backbone.auth.principal import Principal
from backbone.csvout import Cell, to_csv
from backbone.readmodels.agenda import KnownInitiative
from backbone.resources import initiative_row
from backbone.rows import Rows

Matrix = dict[str, Any]
CellKey = tuple[int, int, str]  # the strategy's row, the organization's column, the place


@dataclass(slots=True)
class _Part:
    """One organization's part in one activity."""

    roles: list[str] = field(default_factory=list)
    money: dict[str, Decimal] = field(default_factory=dict)
    hours: float | None = None
    in_kind: list[str] = field(default_factory=list)

    def resources(self) -> dict[str, Any] | None:
        if not self.money and self.hours is None and not self.in_kind:
            return None
        return {"money": [{"amount": amount, "currency": currency}
                          for currency, amount in sorted(self.money.items())],
                "staff_hours": self.hours, "in_kind": self.in_kind}


def _parts(works: Collection[Work], contributions: list[snapshot.Contribution]
           ) -> dict[uuid.UUID, dict[uuid.UUID, _Part]]:
    """Per activity, per organization: its roles and resources."""
    parts: dict[uuid.UUID, dict[uuid.UUID, _Part]] = {w.id: {w.lead: _Part(["lead"])}
                                                      for w in works}
    for activity_id, org, role, amount, currency, hours, in_kind in contributions:
        if activity_id not in parts:
            continue
        part = parts[activity_id].get(org)
        if part is None:
            part = parts[activity_id][org] = _Part()
        part.roles.append(role)
        if amount is not None and currency is not None:
            part.money[currency] = part.money.get(currency, Decimal(0)) + amount
        if hours is not None:
            part.hours = (part.hours or 0.0) + hours
        if in_kind:
            part.in_kind.append(in_kind)
    return parts


def _cells(works: list[Work], parts: dict[uuid.UUID, dict[uuid.UUID, _Part]],
           by: AlignmentBy | None, row: dict[uuid.UUID, int], column: dict[uuid.UUID, int]
           ) -> dict[CellKey, list[dict[str, Any]]]:
    """Keyed by the cell's position (activities serving no strategy in the last row; ``""``
    for the whole area)."""
    cells: dict[CellKey, list[dict[str, Any]]] = defaultdict(list)
    unaligned = [len(row)]
    for work in works:
        places = (work.places or ("",)) if by is AlignmentBy.GEOGRAPHY else ("",)
        rows = sorted(row[s] for s in work.strategies if s in row) or unaligned
        activity_id = str(work.id)
        for org, part in parts[work.id].items():
            entry = {"activity_id": activity_id, "roles": sorted(part.roles),
                     "resources": part.resources()}
            at = column[org]
            for r in rows:
                for place in places:
                    cells[(r, at, place)].append(entry)
    return cells


async def alignment(rows: Rows, principal: Principal, initiative_id: uuid.UUID,
                    by: AlignmentBy | None, statuses: frozenset[ActivityStatus]) -> Matrix:
    """Activities in ``statuses`` (all but cancelled ones when none is named). Rows are in
    the order of goals and strategies, columns in the order of names, and cells in the
    order of both."""
    async with rows.reader(principal.tenant) as read:
        await initiative_row(read, principal, KnownInitiative, initiative_id)
        works = await snapshot.activities(read, initiative_id)
        contributions = await snapshot.contributions(read, initiative_id)
        goals = {g.id: g.title for g in await snapshot.goals(read, initiative_id)}
        strategies = await snapshot.strategies(read, initiative_id)
        participants = await snapshot.participant_organizations(read, initiative_id)
        names = await snapshot.organization_names(
            read, participants | {w.lead for w in works} | {c[1] for c in contributions})
    wanted = statuses or frozenset(ActivityStatus) - {ActivityStatus.CANCELLED}
    works = sorted((w for w in works if w.status in wanted), key=lambda w: (w.title, w.id))
    parts = _parts(works, contributions)
    strategies.sort(key=lambda s: (goals.get(s.goal_id, ""), s.title, s.id))
    organizations = sorted(participants | {o for team in parts.values() for o in team},
                           key=lambda o: (names.get(o, ""), o))
    cells = _cells(works, parts, by, {s.id: n for n, s in enumerate(strategies)},
                   {o: n for n, o in enumerate(organizations)})
    strategy_ids = [str(s.id) for s in strategies] + [None]
    organization_ids = [str(o) for o in organizations]
    return {
        "initiative_id": initiative_id, "by": by,
        "strategies": [{"id": str(s.id), "title": s.title, "goal_id": str(s.goal_id),
                        "goal_title": goals.get(s.goal_id)} for s in strategies],
        "organizations": [{"id": str(o), "name": names.get(o)} for o in organizations],
        "geographies": sorted({p for _, _, p in cells if p}) if by is AlignmentBy.GEOGRAPHY
        else None,
        "activities": [{"id": str(w.id), "title": w.title, "status": w.status,
                        "start_date": w.start, "end_date": w.end} for w in works],
        "cells": [{"strategy_id": strategy_ids[r], "organization_id": organization_ids[c],
                   "geography": p or None, "activities": cells[(r, c, p)]}
                  for r, c, p in sorted(cells)],
    }


def as_csv(matrix: Matrix) -> str:
    strategies = {s["id"]: s for s in matrix["strategies"]}
    names = {o["id"]: o["name"] for o in matrix["organizations"]}
    activities = {a["id"]: a for a in matrix["activities"]}
    by_place = matrix["by"] is AlignmentBy.GEOGRAPHY
    header = ["strategy_id", "strategy", "goal", "organization_id", "organization",
              *(["geography"] if by_place else []), "activity_id", "activity", "status",
              "roles", "money", "staff_hours", "in_kind"]
    rows: list[list[Cell]] = []
    for cell in matrix["cells"]:
        strategy = strategies.get(cell["strategy_id"])
        for part in cell["activities"]:
            a, resources = activities[part["activity_id"]], part["resources"] or {}
            rows.append([
                str(cell["strategy_id"] or ""), strategy["title"] if strategy else "",
                strategy["goal_title"] if strategy else "", str(cell["organization_id"]),
                names.get(cell["organization_id"]),
                *([cell["geography"] or ""] if by_place else []),
                str(a["id"]), a["title"], a["status"], " ".join(part["roles"]),
                "; ".join(f"{m['amount']} {m['currency']}" for m in resources.get("money", [])),
                resources.get("staff_hours"), "; ".join(resources.get("in_kind", []))])
    return to_csv(header, rows)
