"""Links between activities."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response
from sqlalchemy.ext.asyncio import AsyncSession

from activities.schemas.links import LinkAdded, LinkCreate, LinkRead
from activities.service import links
from backbone.http.deps import (
    CurrentPrincipal,
    IdempotencyKey,
    IfMatch,
    RowReads,
    Write,
    entity_response,
)
from backbone.http.pagination import Page, Pages, page_response
from backbone.http.policy import Access, access
from backbone.http.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1", tags=["links"], responses=PROBLEM_RESPONSES)


@router.post("/activities/{activity_id}/links", status_code=201, response_model=LinkAdded,
             openapi_extra=access(Access.CONTRIBUTOR),
             operation_id="addLink",
             summary="Link the activity to another of the initiative (its lead organization, "
                     "backbone staff)")
async def add_link(activity_id: uuid.UUID, body: LinkCreate, write: Write,
                   key: IdempotencyKey = None) -> Response:
    async def command(session: AsyncSession) -> LinkAdded:
        link, cycle = await links.add(session, write.principal, activity_id, body)
        await session.flush()
        return LinkAdded(**dict(LinkRead.model_validate(link)), depends_on_cycle=cycle)

    return await write.run(command, LinkAdded, status_code=201, idempotency_key=key)


@router.get("/activities/{activity_id}/links", response_model=Page[LinkRead],
            operation_id="listLinks",
            summary="The links from and to the activity")
async def list_links(activity_id: uuid.UUID, rows: RowReads,
                     principal: CurrentPrincipal, page: Pages) -> Response:
    return page_response(await links.list_(rows, principal, activity_id, page))


@router.get("/activity-links/{link_id}", response_model=LinkRead, operation_id="getLink",
            summary="A link (ETag in the response)")
async def get_link(link_id: uuid.UUID, rows: RowReads, principal: CurrentPrincipal
                   ) -> Response:
    return entity_response(LinkRead.model_validate(
        await links.LINKS.row(rows, principal, link_id)))


@router.delete("/activity-links/{link_id}", status_code=204, response_class=Response,
               openapi_extra=access(Access.CONTRIBUTOR),
               operation_id="removeLink",
               summary="Remove a link (the origin's lead organization, backbone staff)")
async def remove_link(link_id: uuid.UUID, write: Write, if_match: IfMatch = None) -> Response:
    return await write.run(lambda s: links.remove(s, write.principal, link_id, if_match), None)
