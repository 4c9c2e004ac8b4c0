"""Contributors of an activity."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from activities.schemas.contributors import ContributorCreate, ContributorRead, ContributorUpdate
from activities.service import contributors
from backbone.http.deps import CurrentPrincipal, IdempotencyKey, RowReads, Write
from backbone.http.items import add_item_routes
from backbone.http.pagination import Page, Pages, page_response
from backbone.http.policy import Access, access
from backbone.http.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1", tags=["contributors"], responses=PROBLEM_RESPONSES)


@router.post("/activities/{activity_id}/contributors", status_code=201,
             openapi_extra=access(Access.CONTRIBUTOR),
             response_model=ContributorRead, operation_id="addContributor",
             summary="Add an organization's part in the activity (backbone staff; partners "
                     "for their own organization)")
async def add_contributor(activity_id: uuid.UUID, body: ContributorCreate, write: Write,
                          key: IdempotencyKey = None) -> Response:
    return await write.run(lambda s: contributors.add(s, write.principal, activity_id, body),
                           ContributorRead, status_code=201, idempotency_key=key)


@router.get("/activities/{activity_id}/contributors", response_model=Page[ContributorRead],
            operation_id="listContributors",
            summary="The activity's contributors")
async def list_contributors(activity_id: uuid.UUID, rows: RowReads,
                            principal: CurrentPrincipal, page: Pages) -> Response:
    return page_response(await contributors.list_(rows, principal, activity_id, page))


add_item_routes(router, contributors.CONTRIBUTORS, path="/contributors/{contributor_id}",
                name="Contributor", read=ContributorRead, update=ContributorUpdate,
                updater=contributors.update, deleter=contributors.remove,
                access=Access.CONTRIBUTOR)
