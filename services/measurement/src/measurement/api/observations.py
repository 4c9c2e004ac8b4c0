"""Observations: single writes, bulk imports, review and correction history."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.contracts.measurement.entities import ObservationStatus
from backbone.http.bodies import documented_body, invalid_body, parse_json
from backbone.http.deps import (
    CurrentPrincipal,
    IdempotencyKey,
    IfMatch,
    ReadSession,
    RowReads,
    Write,
    entity_response,
)
from backbone.http.pagination import Page, Pages, page_response
from backbone.http.policy import Access, access
from backbone.http.problems import PROBLEM_RESPONSES
from measurement import reporting
from measurement.models import Observation
from measurement.service import imports, observations

router = APIRouter(prefix="/v1", tags=["observations"], responses=PROBLEM_RESPONSES)
BULK_SUFFIXES = ("/observations/batch", "/observations/import")
BODY_MODELS = (reporting.BatchRequest,)


async def batch_body(request: Request) -> reporting.Batch:
    """The batch in one pass when every row is good; else row by row, each bad one that
    row's error. Only a body that is no batch at all (not JSON, no rows, too many) is a 422."""
    body = await request.body()
    try:
        return reporting.Batch.of(parse_json(reporting.BatchRequest, body))
    except ValidationError as exc:
        if not reporting.only_rows_are_bad(exc):
            raise invalid_body(exc) from exc
    return reporting.Batch.row_by_row(parse_json(reporting.BatchShape, body))

CSV_BODY = {
    "requestBody": {
        "required": True,
        "content": {"text/csv": {"schema": {"type": "string"}, "example":
                                 "indicator,period,race_ethnicity,value\n"
                                 "enrolled,2026Q1,black,\"1,204\"\n"}},
    }
}


@router.post("/indicators/{indicator_id}/observations", status_code=201,
             openapi_extra=access(Access.CONTRIBUTOR),
             response_model=reporting.ObservationRead, operation_id="recordObservation",
             responses={200: {"description": "An existing observation was updated or is "
                                             "unchanged", "model": reporting.ObservationRead}},
             summary="Record one observation (an upsert on its key; 201 when new)")
async def record_observation(indicator_id: uuid.UUID, body: reporting.ObservationIn,
                             write: Write, key: IdempotencyKey = None) -> Response:
    outcomes: list[reporting.RowOutcome] = []

    async def command(session: AsyncSession) -> Observation:
        observation, outcome = await observations.record(session, write.principal,
                                                         indicator_id, body)
        outcomes.append(outcome)
        return observation

    return await write.run(
        command, reporting.ObservationRead, idempotency_key=key,
        # The last attempt decides (a transaction retried after a deadlock runs it again).
        status_code=lambda: 201 if outcomes[-1] is reporting.RowOutcome.CREATED else 200)


@router.get("/indicators/{indicator_id}/observations",
            response_model=Page[reporting.ObservationRead], operation_id="listObservations",
            summary="Observations of an indicator (partners: their own organization's)")
async def list_observations(
    indicator_id: uuid.UUID, rows: RowReads, principal: CurrentPrincipal, page: Pages,
    status: Annotated[list[ObservationStatus], Query()] = [],  # noqa: B006
    period: Annotated[str | None, Query(max_length=20)] = None,
    organization_id: uuid.UUID | None = None,
) -> Response:
    return page_response(await observations.list_for_indicator(
        rows, principal, indicator_id, page, status, period, organization_id))


@router.post("/initiatives/{initiative_id}/observations/batch",
             response_model=reporting.ImportResult, operation_id="importObservationBatch",
             openapi_extra=access(Access.CONTRIBUTOR, documented_body(reporting.BatchRequest)),
             summary="Record up to 10,000 observations with per-row results")
async def import_batch(
    initiative_id: uuid.UUID, batch: Annotated[reporting.Batch, Depends(batch_body)],
    write: Write, key: IdempotencyKey = None,
) -> Response:
    return await write.run(lambda s: imports.import_batch(s, write.principal, initiative_id,
                                                          batch),
                           reporting.ImportResult, idempotency_key=key)


@router.post("/initiatives/{initiative_id}/observations/import",
             response_model=reporting.ImportResult, operation_id="importObservationCsv",
             openapi_extra=access(Access.CONTRIBUTOR, CSV_BODY),
             summary="Import a spreadsheet (text/csv, up to 10,000 rows) with per-row results")
async def import_csv(
    initiative_id: uuid.UUID, request: Request, write: Write,
    mode: reporting.ImportMode = reporting.ImportMode.ALL_OR_NOTHING, dry_run: bool = False,
    key: IdempotencyKey = None,
) -> Response:
    content = await request.body()
    return await write.run(
        lambda s: imports.import_csv(s, write.principal, initiative_id, content, mode, dry_run),
        reporting.ImportResult, idempotency_key=key)


@router.get("/observations/{observation_id}", response_model=reporting.ObservationRead,
            operation_id="getObservation", summary="An observation (ETag in the response)")
async def get_observation(observation_id: uuid.UUID, session: ReadSession,
                          principal: CurrentPrincipal) -> Response:
    observation = await observations.get(session, principal, observation_id)
    return entity_response(reporting.ObservationRead.model_validate(observation))


@router.post("/observations/{observation_id}/review", response_model=reporting.ObservationRead,
             openapi_extra=access(Access.BACKBONE_STAFF),
             operation_id="reviewObservation",
             summary="Approve or reject an observation (backbone staff; rejections need a note)")
async def review_observation(observation_id: uuid.UUID, body: reporting.ReviewIn, write: Write,
                             if_match: IfMatch = None) -> Response:
    return await write.run(
        lambda s: observations.review(s, write.principal, observation_id, body, if_match),
        reporting.ObservationRead)


@router.get("/observations/{observation_id}/history", operation_id="getObservationHistory",
            summary="Every version of an observation: who changed what, when, from what")
async def observation_history(observation_id: uuid.UUID, session: ReadSession,
                              principal: CurrentPrincipal) -> list[reporting.HistoryEntry]:
    return await observations.history(session, principal, observation_id)
