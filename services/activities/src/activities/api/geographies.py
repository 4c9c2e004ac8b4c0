"""The initiative's geography list."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from activities.schemas.geographies import GeographyCreate, GeographyRead, GeographyUpdate
from activities.service import geographies
from backbone.http.deps import CurrentPrincipal, IdempotencyKey, RowReads, Write
from backbone.http.items import add_item_routes
from backbone.http.pagination import Page, Pages, page_response
from backbone.http.policy import Access, access
from backbone.http.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1", tags=["geographies"], responses=PROBLEM_RESPONSES)


@router.post("/initiatives/{initiative_id}/geographies", status_code=201,
             openapi_extra=access(Access.BACKBONE_STAFF),
             response_model=GeographyRead, operation_id="createGeography",
             summary="Add a place to the geography list (backbone staff)")
async def create_geography(initiative_id: uuid.UUID, body: GeographyCreate, write: Write,
                           key: IdempotencyKey = None) -> Response:
    return await write.run(
        lambda s: geographies.create(s, write.principal, initiative_id, body),
        GeographyRead, status_code=201, idempotency_key=key)


@router.get("/initiatives/{initiative_id}/geographies", response_model=Page[GeographyRead],
            operation_id="listGeographies",
            summary="The initiative's geography list")
async def list_geographies(initiative_id: uuid.UUID, rows: RowReads,
                           principal: CurrentPrincipal, page: Pages) -> Response:
    return page_response(await geographies.GEOGRAPHIES.list(rows, principal, initiative_id,
                                                            page, GeographyRead))


add_item_routes(router, geographies.GEOGRAPHIES, path="/geographies/{geography_id}",
                name="Geography", read=GeographyRead, update=GeographyUpdate,
                updater=geographies.update)
