"""The activity feed of an initiative."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from backbone.http.deps import CurrentPrincipal, ReadSession
from backbone.http.pagination import Page, Pages
from backbone.http.problems import PROBLEM_RESPONSES
from notifications import schemas
from notifications.service import feed

router = APIRouter(prefix="/v1", tags=["feed"], responses=PROBLEM_RESPONSES)


@router.get("/initiatives/{initiative_id}/feed", operation_id="getInitiativeFeed",
            summary="What happened in the initiative, across services, newest first")
async def get_feed(
    initiative_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal, page: Pages,
    service: Annotated[str | None, Query(max_length=50, examples=["agenda"])] = None,
    type: Annotated[str | None, Query(max_length=200)] = None,
    actor: Annotated[str | None, Query(max_length=300)] = None,
) -> Page[schemas.FeedEntryRead]:
    return await feed.list_(session, principal, initiative_id, page, service=service,
                            type_=type, actor=actor)
