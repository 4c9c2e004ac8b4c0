"""The common agenda as one document, and its numbered revisions."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from agenda.events import outbox
from agenda.models import AgendaRevision, Goal, Initiative, Strategy
from backbone.auth.access import require_role
from backbone.auth.principal import InitiativeRole, Principal
from backbone.contracts.agenda.entities import AgendaDocument, AgendaGoal, AgendaStrategy
from backbone.contracts.agenda.events import AGENDA_REVISED, AgendaRevised
from backbone.errors import NotFound
from backbone.events.registry import DomainEvent
from backbone.repository import get_owned


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


async def readable_initiative(
    session: AsyncSession, principal: Principal, initiative_id: uuid.UUID
) -> Initiative:
    initiative = await get_owned(session, Initiative, principal.tenant, initiative_id,
                                 "initiative")
    require_role(principal, initiative_id, InitiativeRole.VIEWER)
    return initiative


async def get_revision(
    session: AsyncSession, principal: Principal, initiative_id: uuid.UUID, number: int | None
) -> AgendaRevision:
    """A revision by number; the current one when ``number`` is None."""
    initiative = await readable_initiative(session, principal, initiative_id)
    wanted = initiative.agenda_revision if number is None else number
    revision = (await session.execute(
        select(AgendaRevision).where(AgendaRevision.initiative_id == initiative_id,
                                     AgendaRevision.number == wanted)
    )).scalar_one_or_none()
    if revision is None:
        raise NotFound.of("agenda revision")
    return revision


async def list_revisions(
    session: AsyncSession, principal: Principal, initiative_id: uuid.UUID,
    before: int | None, limit: int,
) -> list[AgendaRevision]:
    """Revisions newest first; ``before`` pages back through history."""
    await readable_initiative(session, principal, initiative_id)
    stmt = select(AgendaRevision).where(AgendaRevision.initiative_id == initiative_id)
    if before is not None:
        stmt = stmt.where(AgendaRevision.number < before)
    stmt = stmt.order_by(AgendaRevision.number.desc()).limit(limit)
    return list((await session.execute(stmt)).scalars())
