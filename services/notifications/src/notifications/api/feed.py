"""The activity feed of an initiative."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from backbone.http.deps import CurrentPrincipal, RowReads
from backbone.http.pagination import Page, Pages, page_response
from backbone.http.problems import PROBLEM_RESPONSES
from notifications import schemas
from notifications.service import feed

router = APIRouter(prefix="/v1", tags=["feed"], responses=PROBLEM_RESPONSES)


@router.get("/initiatives/{initiative_id}/feed", response_model=Page[schemas.FeedEntryRead],
            operation_id="getInitiativeFeed",
            summary="What happened in the initiative, across services, newest first")
async def get_feed(
    initiative_id: uuid.UUID, rows: RowReads, principal: CurrentPrincipal, page: Pages,
    service: Annotated[str | None, Query(max_length=50, examples=["agenda"])] = None,
    type: Annotated[str | None, Query(max_length=200)] = None,
    actor: Annotated[str | None, Query(max_length=300)] = None,
) -> Response:
    return page_response(await feed.list_(rows, principal, initiative_id, page,
                                          service=service, type_=type, actor=actor))
