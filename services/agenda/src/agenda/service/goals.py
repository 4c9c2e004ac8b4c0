"""Goals of the common agenda and the strategies under them (each change is a revision)."""

from __future__ import annotations

import uuid

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from agenda import schemas
from agenda.events import outbox
from agenda.models import Goal, Strategy
from agenda.service.resources import agenda_resource
from backbone.auth.principal import Principal
from backbone.contracts.agenda.events import (
    GOAL_CREATED,
    GOAL_DELETED,
    GOAL_UPDATED,
    STRATEGY_CREATED,
    STRATEGY_DELETED,
    STRATEGY_UPDATED,
)
from backbone.http.pagination import Page, PageParams
from backbone.rows import Rows

GOALS = agenda_resource(Goal, "goal", GOAL_CREATED, GOAL_UPDATED, GOAL_DELETED,
                        revises_agenda=True,
                        filters={"status": Goal.status == bindparam("status")})
STRATEGIES = agenda_resource(Strategy, "strategy", STRATEGY_CREATED, STRATEGY_UPDATED,
                             STRATEGY_DELETED, revises_agenda=True,
                             filters={"goal_id": Strategy.goal_id == bindparam("goal_id")},
                             under="goal_id")


async def list_goals(
    rows: Rows, principal: Principal, initiative_id: uuid.UUID, page: PageParams,
    status: schemas.GoalStatus | None,
) -> Page[schemas.GoalRead]:
    return await GOALS.list(rows, principal, initiative_id, page, schemas.GoalRead,
                            status=status)


async def list_strategies(
    rows: Rows, principal: Principal, goal_id: uuid.UUID, page: PageParams,
) -> Page[schemas.StrategyRead]:
    return await STRATEGIES.list_under(rows, principal, GOALS, goal_id, page,
                                       schemas.StrategyRead)


async def create_strategy(
    session: AsyncSession, principal: Principal, goal_id: uuid.UUID,
    data: schemas.StrategyCreate,
) -> Strategy:
    goal = await GOALS.get(session, principal, goal_id)
    return await STRATEGIES.create(session, principal, goal.initiative_id,
                                   {"goal_id": goal.id, **data.columns()})


async def delete_goal(
    session: AsyncSession, principal: Principal, id_: uuid.UUID, if_match: str | None
) -> None:
    """Delete a goal and its strategies, announcing each removal."""
    goal, _ = await GOALS.load_for_change(session, principal, id_, if_match)
    for strategy in (await session.execute(select(Strategy).where(Strategy.goal_id == goal.id)
                                           .with_for_update())).scalars():
        await outbox.emit_removed(session, STRATEGY_DELETED, strategy)
        await session.delete(strategy)
    await GOALS.delete(session, principal, id_, if_match)
