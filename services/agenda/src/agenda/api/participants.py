"""Participants of an initiative."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from agenda import schemas
from agenda.service import participants
from backbone.http.deps import CurrentPrincipal, IdempotencyKey, RowReads, Write
from backbone.http.items import add_item_routes
from backbone.http.pagination import Page, Pages, page_response
from backbone.http.policy import Access, access
from backbone.http.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1", tags=["participants"], responses=PROBLEM_RESPONSES)


@router.post("/initiatives/{initiative_id}/participants", status_code=201,
             openapi_extra=access(Access.BACKBONE_STAFF),
             response_model=schemas.ParticipantRead, operation_id="createParticipant",
             summary="Add an organization or community member to the initiative")
async def create_participant(
    initiative_id: uuid.UUID, body: schemas.ParticipantCreate, write: Write,
    key: IdempotencyKey = None,
) -> Response:
    return await write.run(
        lambda s: participants.create(s, write.principal, initiative_id, body),
        schemas.ParticipantRead, status_code=201, idempotency_key=key)


@router.get("/initiatives/{initiative_id}/participants",
            response_model=Page[schemas.ParticipantRead], operation_id="listParticipants",
            summary="Participants, filtered by role, kind, organization or activity")
async def list_participants(
    initiative_id: uuid.UUID, rows: RowReads, principal: CurrentPrincipal, page: Pages,
    role: schemas.ParticipantRole | None = None, kind: schemas.ParticipantKind | None = None,
    organization_id: uuid.UUID | None = None,
    active: Annotated[bool | None, Query(description="true: not left; false: left.")] = None,
) -> Response:
    return page_response(await participants.list_(
        rows, principal, initiative_id, page, role=role, kind=kind,
        organization_id=organization_id, active=active))


add_item_routes(router, participants.PARTICIPANTS, path="/participants/{participant_id}",
                name="Participant", read=schemas.ParticipantRead,
                update=schemas.ParticipantUpdate, updater=participants.update,
                access=Access.CONTRIBUTOR, delete_access=Access.BACKBONE_STAFF)
