"""The computed views: alignment, gaps, overlaps and the network map.

Annotations here are evaluated at definition time (no ``from __future__ import
annotations``) because FastAPI reads the query parameters' types.
"""

import uuid
from datetime import date
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Header, Query, Response

from activities.domain.gaps import GapKind
from activities.schemas.activities import ActivityStatus
from activities.schemas.views import AlignmentBy, AlignmentRead, GapsRead, MapRead, OverlapsRead
from activities.service.views import alignment, gaps, network, overlaps
from backbone.db import utcnow
from backbone.http.deps import CurrentPrincipal, RowReads, plain_response
from backbone.http.problems import PROBLEM_RESPONSES
from backbone.http.schemas import IsoDate

router = APIRouter(prefix="/v1", tags=["views"], responses=PROBLEM_RESPONSES)

AsOf = Annotated[IsoDate | None, Query(
    description="The day to judge by (default: today, UTC): activities running on it, "
                "measures as they stood at its end.")]


class Format(StrEnum):
    JSON = "json"
    CSV = "csv"


CSV = "text/csv"


@router.get("/initiatives/{initiative_id}/alignment", response_model=AlignmentRead,
            operation_id="getAlignment",
            summary="Who does what toward which strategy (and where): JSON or CSV",
            responses={200: {"content": {CSV: {"schema": {"type": "string"}}}}})
async def get_alignment(
    initiative_id: uuid.UUID, rows: RowReads, principal: CurrentPrincipal,
    by: AlignmentBy | None = None,
    status: Annotated[list[ActivityStatus], Query(
        description="Activities in these statuses (default: all but cancelled).")] = [],  # noqa: B006
    format: Annotated[Format | None, Query(
        description="`csv` for a flat table (or send `Accept: text/csv`).")] = None,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Response:
    matrix = await alignment.alignment(rows, principal, initiative_id, by,
                                       frozenset(status))
    if format is Format.CSV or (format is None and CSV in (accept or "")):
        return Response(alignment.as_csv(matrix), media_type=f"{CSV}; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="alignment.csv"'})
    return plain_response(matrix)


@router.get("/initiatives/{initiative_id}/gaps", response_model=GapsRead,
            operation_id="getGaps",
            summary="Goals, strategies, places, measures and groups nobody works on")
async def get_gaps(
    initiative_id: uuid.UUID, rows: RowReads, principal: CurrentPrincipal,
    as_of: AsOf = None,
    kind: Annotated[list[GapKind], Query(description="Only these kinds of gap.")] = [],  # noqa: B006
) -> Response:
    found = await gaps.gaps(rows, principal, initiative_id, as_of or _today(),
                            frozenset(kind))
    return Response(found.model_dump_json(), media_type="application/json")


@router.get("/initiatives/{initiative_id}/overlaps", response_model=OverlapsRead,
            operation_id="getOverlaps",
            summary="Organizations doing the same for the same people, in the same place, "
                    "at the same time")
async def get_overlaps(initiative_id: uuid.UUID, rows: RowReads,
                       principal: CurrentPrincipal, as_of: AsOf = None) -> Response:
    return plain_response(await overlaps.overlaps(rows, principal, initiative_id,
                                                  as_of or _today()))


@router.get("/initiatives/{initiative_id}/map", response_model=MapRead,
            operation_id="getNetworkMap",
            summary="The network as a graph (a Kumu JSON blueprint) with each organization's "
                    "degree, betweenness and isolation")
async def get_map(initiative_id: uuid.UUID, rows: RowReads,
                  principal: CurrentPrincipal) -> Response:
    return plain_response(await network.network_map(rows, principal, initiative_id))


def _today() -> date:
    return utcnow().date()
