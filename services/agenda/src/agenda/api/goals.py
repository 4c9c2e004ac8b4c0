"""Goals and strategies of the common agenda."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from agenda import schemas
from agenda.service import goals
from backbone.http.deps import CurrentPrincipal, IdempotencyKey, RowReads, Write
from backbone.http.items import add_item_routes
from backbone.http.pagination import Page, Pages, page_response
from backbone.http.policy import Access, access
from backbone.http.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1", tags=["goals"], responses=PROBLEM_RESPONSES)


@router.post("/initiatives/{initiative_id}/goals", status_code=201,
             openapi_extra=access(Access.BACKBONE_STAFF),
             response_model=schemas.GoalRead, operation_id="createGoal",
             summary="Add a goal to the common agenda (creates a revision)")
async def create_goal(
    initiative_id: uuid.UUID, body: schemas.GoalCreate, write: Write, key: IdempotencyKey = None
) -> Response:
    return await write.run(
        lambda s: goals.GOALS.create(s, write.principal, initiative_id, body.columns()),
        schemas.GoalRead, status_code=201, idempotency_key=key)


@router.get("/initiatives/{initiative_id}/goals", response_model=Page[schemas.GoalRead],
            operation_id="listGoals",
            summary="The initiative's goals")
async def list_goals(
    initiative_id: uuid.UUID, rows: RowReads, principal: CurrentPrincipal, page: Pages,
    status: schemas.GoalStatus | None = None,
) -> Response:
    return page_response(await goals.list_goals(rows, principal, initiative_id, page, status))


@router.post("/goals/{goal_id}/strategies", status_code=201,
             openapi_extra=access(Access.BACKBONE_STAFF),
             response_model=schemas.StrategyRead, operation_id="createStrategy",
             summary="Add a strategy under a goal (creates a revision)")
async def create_strategy(
    goal_id: uuid.UUID, body: schemas.StrategyCreate, write: Write, key: IdempotencyKey = None
) -> Response:
    return await write.run(lambda s: goals.create_strategy(s, write.principal, goal_id, body),
                           schemas.StrategyRead, status_code=201, idempotency_key=key)


@router.get("/goals/{goal_id}/strategies", response_model=Page[schemas.StrategyRead],
            operation_id="listStrategies",
            summary="The strategies under a goal")
async def list_strategies(
    goal_id: uuid.UUID, rows: RowReads, principal: CurrentPrincipal, page: Pages,
) -> Response:
    return page_response(await goals.list_strategies(rows, principal, goal_id, page))


add_item_routes(router, goals.GOALS, path="/goals/{goal_id}", name="Goal",
                read=schemas.GoalRead, update=schemas.GoalUpdate, deleter=goals.delete_goal)
add_item_routes(router, goals.STRATEGIES, path="/strategies/{strategy_id}", name="Strategy",
                read=schemas.StrategyRead, update=schemas.StrategyUpdate)
