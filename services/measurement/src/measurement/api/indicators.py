"""Indicators and their targets."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from backbone.http.deps import (
    CurrentPrincipal,
    IdempotencyKey,
    IfMatch,
    ReadSession,
    RowReads,
    Write,
    entity_response,
)
from backbone.http.items import add_item_routes
from backbone.http.pagination import Page, Pages, page_response
from backbone.http.policy import Access, access
from backbone.http.problems import PROBLEM_RESPONSES
from measurement import schemas
from measurement.service import indicators, targets

router = APIRouter(prefix="/v1", tags=["indicators"], responses=PROBLEM_RESPONSES)


@router.post("/initiatives/{initiative_id}/indicators", status_code=201,
             openapi_extra=access(Access.BACKBONE_STAFF),
             response_model=schemas.IndicatorRead, operation_id="createIndicator",
             summary="Define an indicator (backbone staff)")
async def create_indicator(initiative_id: uuid.UUID, body: schemas.IndicatorCreate,
                           write: Write, key: IdempotencyKey = None) -> Response:
    return await write.run(
        lambda s: indicators.create(s, write.principal, initiative_id, body),
        schemas.IndicatorRead, status_code=201, idempotency_key=key)


@router.get("/initiatives/{initiative_id}/indicators",
            response_model=Page[schemas.IndicatorRead], operation_id="listIndicators",
            summary="The initiative's indicators")
async def list_indicators(
    initiative_id: uuid.UUID, rows: RowReads, principal: CurrentPrincipal, page: Pages,
    status: schemas.IndicatorStatus | None = None, goal_id: uuid.UUID | None = None,
) -> Response:
    return page_response(await indicators.list_(rows, principal, initiative_id, page, status,
                                                goal_id))


add_item_routes(router, indicators.INDICATORS, path="/indicators/{indicator_id}",
                name="Indicator", read=schemas.IndicatorRead, update=schemas.IndicatorUpdate,
                updater=indicators.update, shown=indicators.as_seen_by)


@router.get("/indicators/{indicator_id}/targets", response_model=schemas.TargetsRead,
            operation_id="getTargets", summary="The indicator's time-phased targets (ETag)")
async def get_targets(indicator_id: uuid.UUID, session: ReadSession,
                      principal: CurrentPrincipal) -> Response:
    return entity_response(await targets.read(session, principal, indicator_id))


@router.put("/indicators/{indicator_id}/targets", response_model=schemas.TargetsRead,
            openapi_extra=access(Access.BACKBONE_STAFF),
            operation_id="setTargets",
            summary="Replace the indicator's targets (backbone staff; If-Match)")
async def set_targets(indicator_id: uuid.UUID, body: schemas.TargetsPut, write: Write,
                      if_match: IfMatch = None) -> Response:
    return await write.run(
        lambda s: targets.replace(s, write.principal, indicator_id, body, if_match),
        schemas.TargetsRead)
