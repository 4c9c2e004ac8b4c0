"""Recipients, upserted in bulk by network admins (a CRM sync)."""

from __future__ import annotations

from fastapi import APIRouter, Response
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.http.deps import CurrentPrincipal, RowReads, Write
from backbone.http.pagination import Page, Pages, page_response
from backbone.http.policy import Access, access
from backbone.http.problems import PROBLEM_RESPONSES
from notifications import schemas
from notifications.service import people

router = APIRouter(prefix="/v1", tags=["recipients"], responses=PROBLEM_RESPONSES)


@router.put("/recipients", response_model=schemas.RecipientsUpserted,
            openapi_extra=access(Access.NETWORK_ADMIN),
            operation_id="upsertRecipients",
            summary="Create or update recipients by token subject, all or none (network "
                    "admins)")
async def upsert_recipients(body: schemas.RecipientBatch, write: Write) -> Response:
    async def command(session: AsyncSession) -> schemas.RecipientsUpserted:
        found = await people.upsert_recipients(session, write.principal, body)
        return schemas.RecipientsUpserted(
            items=[schemas.RecipientRead.model_validate(r) for r in found])

    return await write.run(command, schemas.RecipientsUpserted)


@router.get("/recipients", response_model=Page[schemas.RecipientRead],
            operation_id="listRecipients",
            summary="The network's recipients (network admins)")
async def list_recipients(rows: RowReads, principal: CurrentPrincipal,
                          page: Pages) -> Response:
    return page_response(await people.list_(rows, principal, page))
