"""Initiatives and their common agenda."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from pydantic import TypeAdapter

from agenda import documents, schemas
from agenda.service import agenda, initiatives
from backbone.http.deps import (
    CurrentPrincipal,
    IdempotencyKey,
    IfMatch,
    RowReads,
    Write,
    entity_response,
    plain_response,
)
from backbone.http.pagination import Page, Pages, page_response
from backbone.http.policy import Access, access
from backbone.http.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1", tags=["initiatives"], responses=PROBLEM_RESPONSES)
_SUMMARIES = TypeAdapter(list[documents.AgendaRevisionSummary])


@router.post("/initiatives", status_code=201, response_model=schemas.InitiativeRead,
             openapi_extra=access(Access.NETWORK_ADMIN),
             operation_id="createInitiative", summary="Launch an initiative (network admins)")
async def create_initiative(
    body: schemas.InitiativeCreate, write: Write, key: IdempotencyKey = None
) -> Response:
    return await write.run(lambda s: initiatives.create(s, write.principal, body),
                           schemas.InitiativeRead, status_code=201, idempotency_key=key)


@router.get("/initiatives", response_model=Page[schemas.InitiativeRead],
            operation_id="listInitiatives",
            summary="Initiatives the caller may see (all of the network for its admins)")
async def list_initiatives(
    rows: RowReads, principal: CurrentPrincipal, page: Pages,
    status: schemas.InitiativeStatus | None = None, phase: schemas.Phase | None = None,
) -> Response:
    return page_response(await initiatives.list_(rows, principal, page, status, phase))


@router.get("/initiatives/{initiative_id}", response_model=schemas.InitiativeRead,
            operation_id="getInitiative", summary="An initiative (ETag in the response)")
async def get_initiative(
    initiative_id: uuid.UUID, rows: RowReads, principal: CurrentPrincipal
) -> Response:
    initiative = await initiatives.get(rows, principal, initiative_id)
    return entity_response(schemas.InitiativeRead.model_validate(initiative))


@router.patch("/initiatives/{initiative_id}", response_model=schemas.InitiativeRead,
              openapi_extra=access(Access.BACKBONE_STAFF),
              operation_id="updateInitiative",
              summary="Change an initiative (backbone staff); vision changes revise the agenda")
async def update_initiative(
    initiative_id: uuid.UUID, body: schemas.InitiativeUpdate, write: Write,
    if_match: IfMatch = None,
) -> Response:
    return await write.run(
        lambda s: initiatives.update(s, write.principal, initiative_id, body, if_match),
        schemas.InitiativeRead)


@router.get("/initiatives/{initiative_id}/agenda", response_model=documents.AgendaRevisionRead,
            operation_id="getAgenda", tags=["agenda"],
            summary="The common agenda as it stands (its latest revision)")
async def get_agenda(
    initiative_id: uuid.UUID, rows: RowReads, principal: CurrentPrincipal
) -> Response:
    revision = await agenda.get_revision(rows, principal, initiative_id, None)
    return entity_response(documents.AgendaRevisionRead.model_validate(revision))


@router.get("/initiatives/{initiative_id}/agenda/revisions",
            response_model=list[documents.AgendaRevisionSummary],
            operation_id="listAgendaRevisions", tags=["agenda"],
            summary="The agenda's history, newest revision first")
async def list_agenda_revisions(
    initiative_id: uuid.UUID, rows: RowReads, principal: CurrentPrincipal,
    before: Annotated[int | None, Query(ge=1, le=2**31 - 1,
                                        description="Only revisions numbered below this.")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Response:
    revisions = await agenda.list_revisions(rows, principal, initiative_id, before, limit)
    return plain_response(_SUMMARIES.validate_python(revisions))


@router.get("/initiatives/{initiative_id}/agenda/revisions/{number}",
            response_model=documents.AgendaRevisionRead,
            operation_id="getAgendaRevision", tags=["agenda"],
            summary="One revision of the agenda, as it stood then")
async def get_agenda_revision(
    initiative_id: uuid.UUID, number: Annotated[int, Path(ge=1, le=2**31 - 1)],
    rows: RowReads, principal: CurrentPrincipal,
) -> Response:
    revision = await agenda.get_revision(rows, principal, initiative_id, number)
    return entity_response(documents.AgendaRevisionRead.model_validate(revision))
