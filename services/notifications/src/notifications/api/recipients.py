"""Recipients, upserted in bulk by network admins (a CRM sync)."""

from __future__ import annotations

from fastapi import APIRouter, Response
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.http.deps import CurrentPrincipal, ReadSession, Write
from backbone.http.pagination import Page, Pages
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


@router.get("/recipients", operation_id="listRecipients",
            summary="The network's recipients (network admins)")
async def list_recipients(session: ReadSession, principal: CurrentPrincipal,
                          page: Pages) -> Page[schemas.RecipientRead]:
    return await people.list_(session, principal, page)
