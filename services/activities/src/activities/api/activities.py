"""Activities of an initiative."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from activities.schemas.activities import (
    ActivityCreate,
    ActivityRead,
    ActivityStatus,
    ActivityUpdate,
)
from activities.service import activities
from backbone.http.deps import CurrentPrincipal, IdempotencyKey, RowReads, Write
from backbone.http.items import add_item_routes
from backbone.http.pagination import Page, Pages, page_response
from backbone.http.policy import Access, access
from backbone.http.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1", tags=["activities"], responses=PROBLEM_RESPONSES)


@router.post("/initiatives/{initiative_id}/activities", status_code=201,
             openapi_extra=access(Access.CONTRIBUTOR),
             response_model=ActivityRead, operation_id="createActivity",
             summary="Record an activity (backbone staff; partners for their own organization)")
async def create_activity(initiative_id: uuid.UUID, body: ActivityCreate, write: Write,
                          key: IdempotencyKey = None) -> Response:
    return await write.run(
        lambda s: activities.create(s, write.principal, initiative_id, body),
        ActivityRead, status_code=201, idempotency_key=key)


ExternalId = Annotated[str | None, Query(
    pattern=r"^[^:]{1,50}:.{1,200}$", examples=["grants:G-2025-014"],
    description="`system:id`: activities carrying this id of a CRM or grant system.")]


@router.get("/initiatives/{initiative_id}/activities", response_model=Page[ActivityRead],
            operation_id="listActivities",
            summary="The initiative's activities")
async def list_activities(
    initiative_id: uuid.UUID, rows: RowReads, principal: CurrentPrincipal, page: Pages,
    status: ActivityStatus | None = None, lead_organization_id: uuid.UUID | None = None,
    strategy_id: uuid.UUID | None = None, goal_id: uuid.UUID | None = None,
    indicator_id: uuid.UUID | None = None,
    geography: Annotated[str | None, Query(max_length=200)] = None,
    external_id: ExternalId = None,
) -> Response:
    system, _, value = (external_id or "").partition(":")
    return page_response(await activities.list_(
        rows, principal, initiative_id, page, status=status,
        lead_organization_id=lead_organization_id, strategy_id=strategy_id, goal_id=goal_id,
        indicator_id=indicator_id, geography=geography,
        external_id=(system, value) if external_id is not None else None))


add_item_routes(router, activities.ACTIVITIES, path="/activities/{activity_id}",
                name="Activity", read=ActivityRead, update=ActivityUpdate,
                updater=activities.update, deleter=activities.delete_,
                access=Access.CONTRIBUTOR)
