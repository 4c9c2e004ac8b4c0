"""The alignment matrix: strategies x organizations (x places, with ``by=geography``), each
cell the activities the organization leads or contributes to there, with their status and
what the organization brings. Also as CSV, one row per cell and activity (the flat
"who does what where" table of 3W)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from activities.domain.work import Work
from activities.schemas.activities import ActivityStatus
from activities.schemas.contributors import MoneyRead
from activities.schemas.views import (
    AlignmentBy,
    AlignmentCell,
    AlignmentRead,
    CellActivity,
    OrganizationColumn,
    Resources,
    StrategyRow,
)
from activities.service.views import snapshot
from activities.service.views.access import readable_initiative
from backbone.auth.principal import Principal
from backbone.csvout import Cell, to_csv


@dataclass
class _Part:
    """One organization's part in one activity."""

    roles: list[str] = field(default_factory=list)
    money: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    hours: float | None = None
    in_kind: list[str] = field(default_factory=list)

    def resources(self) -> Resources:
        return Resources(money=[MoneyRead(amount=amount, currency=currency)
                                for currency, amount in sorted(self.money.items())],
                         staff_hours=self.hours, in_kind=self.in_kind)


def _parts(works: Collection[Work], contributions: list[tuple]) -> dict[uuid.UUID, dict[
        uuid.UUID, _Part]]:
    """Per activity, per organization: its roles and resources."""
    parts: dict[uuid.UUID, dict[uuid.UUID, _Part]] = {w.id: {w.lead: _Part(["lead"])}
                                                      for w in works}
    for activity_id, org, role, amount, currency, hours, in_kind in contributions:
        if activity_id not in parts:
            continue
        part = parts[activity_id].setdefault(org, _Part())
        part.roles.append(role)
        if amount is not None:
            part.money[currency] += amount
        if hours is not None:
            part.hours = (part.hours or 0.0) + hours
        if in_kind:
            part.in_kind.append(in_kind)
    return parts


async def alignment(session: AsyncSession, principal: Principal, initiative_id: uuid.UUID,
                    by: AlignmentBy | None, statuses: frozenset[ActivityStatus]
                    ) -> AlignmentRead:
    """Activities in ``statuses`` (all but cancelled ones when none is named)."""
    await readable_initiative(session, principal, initiative_id)
    wanted = statuses or frozenset(ActivityStatus) - {ActivityStatus.CANCELLED}
    works = sorted((w for w in await snapshot.activities(session, initiative_id)
                    if w.status in wanted), key=lambda w: (w.title, w.id))
    parts = _parts(works, await snapshot.contributors(session, initiative_id))
    cells: dict[tuple[uuid.UUID | None, uuid.UUID, str | None], list[CellActivity]] = \
        defaultdict(list)
    for work in works:
        places = (work.places or (None,)) if by is AlignmentBy.GEOGRAPHY else (None,)
        for org, part in parts[work.id].items():
            entry = CellActivity(id=work.id, title=work.title,
                                 status=ActivityStatus(work.status), roles=sorted(part.roles),
                                 resources=part.resources())
            targets: list[uuid.UUID | None] = [*sorted(work.strategies)] or [None]
            for strategy in targets:
                for place in places:
                    cells[(strategy, org, place)].append(entry)
    goals = {g.id: g.title for g in await snapshot.goals(session, initiative_id)}
    strategies = sorted(await snapshot.strategies(session, initiative_id),
                        key=lambda s: (goals.get(s.goal_id, ""), s.title, s.id))
    organizations = await snapshot.participant_organizations(session, initiative_id)
    organizations |= {org for _, org, _ in cells}
    names = await snapshot.organization_names(session, organizations)
    return AlignmentRead(
        initiative_id=initiative_id, by=by,
        strategies=[StrategyRow(id=s.id, title=s.title, goal_id=s.goal_id,
                                goal_title=goals.get(s.goal_id)) for s in strategies],
        organizations=[OrganizationColumn(id=o, name=names.get(o)) for o in sorted(
            organizations, key=lambda o: (names.get(o, ""), o))],
        geographies=sorted({p for _, _, p in cells if p is not None})
        if by is AlignmentBy.GEOGRAPHY else None,
        cells=[AlignmentCell(strategy_id=s, organization_id=o, geography=p, activities=a)
               for (s, o, p), a in sorted(cells.items(), key=lambda item: (
                   str(item[0][0]), str(item[0][1]), item[0][2] or ""))])


def as_csv(matrix: AlignmentRead) -> str:
    strategies = {s.id: s for s in matrix.strategies}
    names = {o.id: o.name for o in matrix.organizations}
    by_place = matrix.by is AlignmentBy.GEOGRAPHY
    header = ["strategy_id", "strategy", "goal", "organization_id", "organization",
              *(["geography"] if by_place else []), "activity_id", "activity", "status",
              "roles", "money", "staff_hours", "in_kind"]
    rows: list[list[Cell]] = []
    for cell in matrix.cells:
        strategy = strategies.get(cell.strategy_id) if cell.strategy_id else None
        for a in cell.activities:
            rows.append([
                str(cell.strategy_id or ""), strategy.title if strategy else "",
                strategy.goal_title if strategy else "", str(cell.organization_id),
                names.get(cell.organization_id), *([cell.geography or ""] if by_place else []),
                str(a.id), a.title, a.status.value, " ".join(a.roles),
                "; ".join(f"{m.amount} {m.currency}" for m in a.resources.money),
                a.resources.staff_hours, "; ".join(a.resources.in_kind)])
    return to_csv(header, rows)
