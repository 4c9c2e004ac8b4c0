"""Disaggregation dimensions."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from backbone.contracts.measurement.entities import DimensionRead
from backbone.http.deps import CurrentPrincipal, IdempotencyKey, RowReads, Write
from backbone.http.items import add_item_routes
from backbone.http.pagination import Page, Pages, page_response
from backbone.http.policy import Access, access
from backbone.http.problems import PROBLEM_RESPONSES
from measurement import schemas
from measurement.service import dimensions

router = APIRouter(prefix="/v1", tags=["dimensions"], responses=PROBLEM_RESPONSES)


@router.post("/initiatives/{initiative_id}/dimensions", status_code=201,
             openapi_extra=access(Access.BACKBONE_STAFF),
             response_model=DimensionRead, operation_id="createDimension",
             summary="Define a disaggregation dimension (backbone staff)")
async def create_dimension(initiative_id: uuid.UUID, body: schemas.DimensionCreate,
                           write: Write, key: IdempotencyKey = None) -> Response:
    return await write.run(
        lambda s: dimensions.DIMENSIONS.create(s, write.principal, initiative_id,
                                               body.columns()),
        DimensionRead, status_code=201, idempotency_key=key)


@router.get("/initiatives/{initiative_id}/dimensions", response_model=Page[DimensionRead],
            operation_id="listDimensions",
            summary="The initiative's dimensions")
async def list_dimensions(initiative_id: uuid.UUID, rows: RowReads,
                          principal: CurrentPrincipal, page: Pages
                          ) -> Response:
    return page_response(await dimensions.DIMENSIONS.list(rows, principal, initiative_id,
                                                          page, DimensionRead))


add_item_routes(router, dimensions.DIMENSIONS, path="/dimensions/{dimension_id}",
                name="Dimension", read=DimensionRead, update=schemas.DimensionUpdate,
                updater=dimensions.update, deleter=dimensions.delete)
