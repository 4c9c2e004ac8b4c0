"""Keeping each indicator's small-cell decisions current (``measurement.domain.disclosure``).

A decision is made for every period that has approved data, in the transaction that
changes that data, under the indicator's row lock, so readers always find the decision
that matches what they read. A period with approved data and no decision is hidden whole.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection
from typing import Any

from sqlalchemy import Text, any_, bindparam, delete, select
from sqlalchemy.dialects.postgresql import ARRAY, insert
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.contracts.measurement.entities import ObservationStatus
from measurement import schemas
from measurement.domain.aggregation import AcrossPlaces
from measurement.domain.disclosure import Combine, Lattice, Node, Report, decide
from measurement.models import Disclosure, Indicator, Initiative, Observation

Decisions = dict[str, frozenset[Node]]
"""Per period, the nodes hidden from viewers."""


async def decide_again(session: AsyncSession, indicator: Indicator, initiative: Initiative,
                       periods: Collection[str] | None) -> None:
    """Decide the given periods (every period when None) from their approved data."""
    o = Observation
    stmt = select(o.period, o.disaggregation, o.geography, o.organization_id, o.value,
                  o.denominator, o.updated_at, o.id).where(
        o.indicator_id == indicator.id, o.status == ObservationStatus.APPROVED.value)
    gone = delete(Disclosure).where(Disclosure.indicator_id == indicator.id)
    if periods is not None:
        if not periods:
            return
        wanted = bindparam("periods", list(periods), type_=ARRAY(Text))
        stmt = stmt.where(o.period == any_(wanted))
        gone = gone.where(Disclosure.period == any_(wanted))
    reports: dict[str, list[Report]] = defaultdict(list)
    count_values = indicator.unit == schemas.Unit.COUNT
    for period, cells, geography, organization, value, denominator, at, id_ in (
            await session.execute(stmt)).tuples():
        count = denominator if denominator is not None else (value if count_values else None)
        reports[period].append(Report(cells, geography, str(organization or ""), count,
                                      (at.timestamp(), str(id_))))
    await session.execute(gone)
    if not reports:
        return
    combine = _combine(indicator)
    await session.execute(insert(Disclosure), [
        {"indicator_id": indicator.id, "period": period,
         "hidden": [[n.cell, n.geography, n.organization] for n in sorted(
             decide(Lattice(rows, combine), initiative.min_cell_size), key=lambda n: n.key)]}
        for period, rows in reports.items()])


def _combine(indicator: Indicator) -> Combine:
    """How a figure's count follows from its reports' (rates pool their denominators)."""
    if indicator.across_places == AcrossPlaces.LATEST:
        return Combine.LATEST
    if indicator.across_places == AcrossPlaces.MEAN and indicator.unit not in schemas.RATIO_UNITS:
        return Combine.MEAN
    return Combine.SUM


async def decisions(session: AsyncSession, indicator_id: uuid.UUID) -> Decisions:
    """The indicator's decisions, per period (read by every non-staff view)."""
    rows = await session.execute(_DECISIONS, {"indicator_id": indicator_id})
    return {period: _nodes(hidden) for period, hidden in rows}


async def decisions_in(session: AsyncSession, initiative_id: uuid.UUID
                       ) -> dict[uuid.UUID, Decisions]:
    """Every indicator's decisions in an initiative, per indicator and period."""
    found: dict[uuid.UUID, Decisions] = {}
    for indicator_id, period, hidden in await session.execute(
            _INITIATIVE_DECISIONS, {"initiative_id": initiative_id}):
        found.setdefault(indicator_id, {})[period] = _nodes(hidden)
    return found


def _nodes(hidden: list[list[Any]]) -> frozenset[Node]:
    """The stored ``[cell, geography, organization]`` triples as nodes."""
    return frozenset(Node(*node) for node in hidden)


_DECISIONS = select(Disclosure.period, Disclosure.hidden).where(
    Disclosure.indicator_id == bindparam("indicator_id"))
_INITIATIVE_DECISIONS = select(Disclosure.indicator_id, Disclosure.period,
                               Disclosure.hidden).join(
    Indicator, Indicator.id == Disclosure.indicator_id).where(
    Indicator.initiative_id == bindparam("initiative_id"))
