"""Progress notes and milestones of an activity."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from activities.schemas.updates import UpdateChange, UpdateCreate, UpdateRead
from activities.service import updates
from backbone.http.deps import CurrentPrincipal, IdempotencyKey, RowReads, Write
from backbone.http.items import add_item_routes
from backbone.http.pagination import Page, Pages, page_response
from backbone.http.policy import Access, access
from backbone.http.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1", tags=["updates"], responses=PROBLEM_RESPONSES)


@router.post("/activities/{activity_id}/updates", status_code=201, response_model=UpdateRead,
             openapi_extra=access(Access.CONTRIBUTOR),
             operation_id="postUpdate",
             summary="Post a progress note or milestone (the lead organization, backbone "
                     "staff)")
async def post_update(activity_id: uuid.UUID, body: UpdateCreate, write: Write,
                      key: IdempotencyKey = None) -> Response:
    return await write.run(lambda s: updates.post(s, write.principal, activity_id, body),
                           UpdateRead, status_code=201, idempotency_key=key)


@router.get("/activities/{activity_id}/updates", response_model=Page[UpdateRead],
            operation_id="listUpdates",
            summary="The activity's progress notes and milestones")
async def list_updates(activity_id: uuid.UUID, rows: RowReads,
                       principal: CurrentPrincipal, page: Pages) -> Response:
    return page_response(await updates.list_(rows, principal, activity_id, page))


add_item_routes(router, updates.UPDATES, path="/activity-updates/{update_id}",
                name="ActivityUpdate", read=UpdateRead, update=UpdateChange,
                updater=updates.revise, deleter=updates.delete_,
                access=Access.CONTRIBUTOR)
