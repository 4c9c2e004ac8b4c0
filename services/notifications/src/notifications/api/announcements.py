"""Announcements of an initiative's backbone staff."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from backbone.http.deps import CurrentPrincipal, IdempotencyKey, RowReads, Write
from backbone.http.pagination import Page, Pages, page_response
from backbone.http.policy import Access, access
from backbone.http.problems import PROBLEM_RESPONSES
from notifications import schemas
from notifications.service import announcements

router = APIRouter(prefix="/v1", tags=["announcements"], responses=PROBLEM_RESPONSES)
PATH = "/initiatives/{initiative_id}/announcements"


@router.post(PATH, status_code=201, response_model=schemas.AnnouncementRead,
             openapi_extra=access(Access.BACKBONE_STAFF),
             operation_id="publishAnnouncement",
             summary="Announce to everyone in the initiative, a role, a working group or "
                     "chosen organizations (backbone staff)")
async def publish(initiative_id: uuid.UUID, body: schemas.AnnouncementCreate, write: Write,
                  key: IdempotencyKey = None) -> Response:
    return await write.run(
        lambda s: announcements.publish(s, write.principal, initiative_id, body),
        schemas.AnnouncementRead, status_code=201, idempotency_key=key)


@router.get(PATH, response_model=Page[schemas.AnnouncementRead],
            operation_id="listAnnouncements",
            summary="The initiative's announcements (backbone staff)")
async def list_announcements(initiative_id: uuid.UUID, rows: RowReads,
                             principal: CurrentPrincipal,
                             page: Pages) -> Response:
    return page_response(await announcements.list_(rows, principal, initiative_id, page))
