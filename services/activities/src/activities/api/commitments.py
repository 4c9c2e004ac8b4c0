"""Commitments of an initiative's participant organizations."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from activities.schemas.commitments import (
    CommitmentCreate,
    CommitmentRead,
    CommitmentStatus,
    CommitmentUpdate,
)
from activities.service import commitments
from backbone.http.deps import CurrentPrincipal, IdempotencyKey, RowReads, Write
from backbone.http.items import add_item_routes
from backbone.http.pagination import Page, Pages, page_response
from backbone.http.policy import Access, access
from backbone.http.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1", tags=["commitments"], responses=PROBLEM_RESPONSES)


@router.post("/initiatives/{initiative_id}/commitments", status_code=201,
             openapi_extra=access(Access.CONTRIBUTOR),
             response_model=CommitmentRead, operation_id="makeCommitment",
             summary="Record a commitment (backbone staff; partners for their own "
                     "organization)")
async def make_commitment(initiative_id: uuid.UUID, body: CommitmentCreate, write: Write,
                          key: IdempotencyKey = None) -> Response:
    return await write.run(
        lambda s: commitments.make(s, write.principal, initiative_id, body),
        CommitmentRead, status_code=201, idempotency_key=key)


@router.get("/initiatives/{initiative_id}/commitments", response_model=Page[CommitmentRead],
            operation_id="listCommitments",
            summary="The initiative's commitments")
async def list_commitments(
    initiative_id: uuid.UUID, rows: RowReads, principal: CurrentPrincipal, page: Pages,
    status: CommitmentStatus | None = None, organization_id: uuid.UUID | None = None,
    activity_id: uuid.UUID | None = None, overdue: bool | None = None,
) -> Response:
    return page_response(await commitments.list_(
        rows, principal, initiative_id, page, status=status,
                                   organization_id=organization_id, activity_id=activity_id,
                                   overdue=overdue))


add_item_routes(router, commitments.COMMITMENTS, path="/commitments/{commitment_id}",
                name="Commitment", read=CommitmentRead, update=CommitmentUpdate,
                updater=commitments.update, access=Access.CONTRIBUTOR)
