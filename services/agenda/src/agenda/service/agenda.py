"""The common agenda as one document, and its numbered revisions."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from agenda.events import outbox
from agenda.models import AgendaRevision, Goal, Initiative, Strategy
from backbone.auth.principal import Principal
from backbone.contracts.agenda.entities import AgendaDocument, AgendaGoal, AgendaStrategy
from backbone.contracts.agenda.events import AGENDA_REVISED, AgendaRevised
from backbone.errors import NotFound
from backbone.events.registry import DomainEvent
from backbone.resources import initiative_row
from backbone.rows import RowQuery, Rows


async def build_document(session: AsyncSession, initiative: Initiative) -> AgendaDocument:
    goals = (await session.execute(
        select(Goal).where(Goal.initiative_id == initiative.id)
        .order_by(Goal.position, Goal.created_at, Goal.id)
    )).scalars().all()
    strategies = (await session.execute(
        select(Strategy).where(Strategy.initiative_id == initiative.id)
        .order_by(Strategy.position, Strategy.created_at, Strategy.id)
    )).scalars().all()
    by_goal: dict[uuid.UUID, list[AgendaStrategy]] = {}
    for s in strategies:
        by_goal.setdefault(s.goal_id, []).append(
            AgendaStrategy(id=s.id, title=s.title, description=s.description))
    return AgendaDocument(
        initiative_id=initiative.id, name=initiative.name,
        problem_statement=initiative.problem_statement, vision=initiative.vision,
        goals=[AgendaGoal(id=g.id, title=g.title, description=g.description,
                          population=g.population, status=g.status,
                          strategies=by_goal.get(g.id, [])) for g in goals],
    )


async def revise(
    session: AsyncSession, principal: Principal, initiative: Initiative, change: str
) -> AgendaRevision:
    """Record the agenda as it now stands as the next revision (initiative row is locked)."""
    await session.flush()
    initiative.agenda_revision += 1
    initiative.touch()
    document = await build_document(session, initiative)
    revision = AgendaRevision(
        tenant=initiative.tenant, initiative_id=initiative.id, number=initiative.agenda_revision,
        change=change, changed_by=principal.sub, document=document.model_dump(mode="json"),
    )
    session.add(revision)
    outbox.add(session, DomainEvent(
        event_type=AGENDA_REVISED, tenant=initiative.tenant, subject=initiative.id,
        initiative=initiative.id,
        data=AgendaRevised(initiative_id=initiative.id, number=revision.number, change=change,
                           changed_by=principal.sub, document=document),
    ))
    return revision


_SUMMARY = (AgendaRevision.number, AgendaRevision.change, AgendaRevision.changed_by,
            AgendaRevision.created_at)
_OF_INITIATIVE = (AgendaRevision.tenant == bindparam("tenant"),
                  AgendaRevision.initiative_id == bindparam("initiative_id"))
_REVISION = RowQuery(select(*_SUMMARY, AgendaRevision.document).where(
    *_OF_INITIATIVE, AgendaRevision.number == bindparam("number")))
_HISTORY = RowQuery(select(*_SUMMARY).where(
    *_OF_INITIATIVE, AgendaRevision.number <= bindparam("upto"))
    .order_by(AgendaRevision.number.desc()).limit(bindparam("limit")))
_LARGEST = 2**31 - 1
"""The largest revision number there can be (an ``INTEGER``)."""


async def get_revision(
    rows: Rows, principal: Principal, initiative_id: uuid.UUID, number: int | None
) -> dict[str, Any]:
    """A revision by number; the current one when ``number`` is None."""
    async with rows.reader(principal.tenant) as reader:
        initiative = await initiative_row(reader, principal, Initiative, initiative_id)
        wanted = initiative["agenda_revision"] if number is None else number
        revision = await reader.one(_REVISION, {"tenant": principal.tenant,
                                                "initiative_id": initiative_id,
                                                "number": wanted})
    if revision is None:
        raise NotFound.of("agenda revision")
    return revision


async def list_revisions(
    rows: Rows, principal: Principal, initiative_id: uuid.UUID,
    before: int | None, limit: int,
) -> list[dict[str, Any]]:
    """Revisions newest first; ``before`` pages back through history."""
    async with rows.reader(principal.tenant) as reader:
        await initiative_row(reader, principal, Initiative, initiative_id)
        return await reader.dicts(_HISTORY, {
            "tenant": principal.tenant, "initiative_id": initiative_id,
            "upto": _LARGEST if before is None else before - 1, "limit": limit})
