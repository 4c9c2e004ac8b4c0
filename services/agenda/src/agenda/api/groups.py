"""Working groups and the decisions log."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from agenda import schemas
from agenda.service import groups
from backbone.http.deps import CurrentPrincipal, IdempotencyKey, RowReads, Write
from backbone.http.items import add_item_routes
from backbone.http.pagination import Page, Pages, page_response
from backbone.http.policy import Access, access
from backbone.http.problems import PROBLEM_RESPONSES
from backbone.http.schemas import IsoDate

router = APIRouter(prefix="/v1", responses=PROBLEM_RESPONSES)


@router.post("/initiatives/{initiative_id}/working-groups", status_code=201,
             openapi_extra=access(Access.BACKBONE_STAFF),
             response_model=schemas.WorkingGroupRead, operation_id="createWorkingGroup",
             tags=["working groups"], summary="Form a working group")
async def create_working_group(
    initiative_id: uuid.UUID, body: schemas.WorkingGroupCreate, write: Write,
    key: IdempotencyKey = None,
) -> Response:
    return await write.run(
        lambda s: groups.create_working_group(s, write.principal, initiative_id, body),
        schemas.WorkingGroupRead, status_code=201, idempotency_key=key)


@router.get("/initiatives/{initiative_id}/working-groups",
            response_model=Page[schemas.WorkingGroupRead], operation_id="listWorkingGroups",
            tags=["working groups"], summary="The initiative's working groups")
async def list_working_groups(
    initiative_id: uuid.UUID, rows: RowReads, principal: CurrentPrincipal, page: Pages,
) -> Response:
    return page_response(await groups.WORKING_GROUPS.list(rows, principal, initiative_id, page,
                                                          schemas.WorkingGroupRead))


@router.post("/initiatives/{initiative_id}/decisions", status_code=201,
             openapi_extra=access(Access.BACKBONE_STAFF),
             response_model=schemas.DecisionRead, operation_id="recordDecision",
             tags=["decisions"], summary="Record a decision in the log")
async def record_decision(
    initiative_id: uuid.UUID, body: schemas.DecisionCreate, write: Write,
    key: IdempotencyKey = None,
) -> Response:
    return await write.run(
        lambda s: groups.record_decision(s, write.principal, initiative_id, body),
        schemas.DecisionRead, status_code=201, idempotency_key=key)


@router.get("/initiatives/{initiative_id}/decisions",
            response_model=Page[schemas.DecisionRead], operation_id="listDecisions",
            tags=["decisions"], summary="The decisions log, filtered by method or date")
async def list_decisions(
    initiative_id: uuid.UUID, rows: RowReads, principal: CurrentPrincipal, page: Pages,
    method: schemas.DecisionMethod | None = None,
    decided_from: Annotated[IsoDate | None, Query(description="Decided on or after.")] = None,
    decided_to: Annotated[IsoDate | None, Query(description="Decided on or before.")] = None,
) -> Response:
    return page_response(await groups.list_decisions(
        rows, principal, initiative_id, page, method=method, decided_from=decided_from,
        decided_to=decided_to))


wg_router = APIRouter(prefix="/v1", tags=["working groups"], responses=PROBLEM_RESPONSES)
add_item_routes(wg_router, groups.WORKING_GROUPS, path="/working-groups/{working_group_id}",
                name="WorkingGroup", read=schemas.WorkingGroupRead,
                update=schemas.WorkingGroupUpdate, updater=groups.update_working_group)
decision_router = APIRouter(prefix="/v1", tags=["decisions"], responses=PROBLEM_RESPONSES)
add_item_routes(decision_router, groups.DECISIONS, path="/decisions/{decision_id}",
                name="Decision", read=schemas.DecisionRead, update=schemas.DecisionUpdate,
                updater=groups.update_decision)
