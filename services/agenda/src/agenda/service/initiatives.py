"""Initiatives: launched by network admins, run by their backbone staff."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ARRAY, Uuid, any_, bindparam
from sqlalchemy.ext.asyncio import AsyncSession

from agenda import schemas
from agenda.events import outbox
from agenda.models import Initiative
from agenda.service.access import ensure_dates_in_order
from agenda.service.agenda import revise
from backbone.auth.access import require_network_admin, require_role
from backbone.auth.principal import InitiativeRole, Principal
from backbone.contracts.agenda.events import INITIATIVE_CREATED, INITIATIVE_UPDATED
from backbone.http.etag import check_if_match
from backbone.http.pagination import Page, PageParams
from backbone.listing import Listing
from backbone.repository import apply_changes, get_owned
from backbone.rows import Rows

AGENDA_FIELDS = {"name", "problem_statement", "vision"}


async def create(
    session: AsyncSession, principal: Principal, data: schemas.InitiativeCreate
) -> Initiative:
    require_network_admin(principal)
    initiative = Initiative(id=uuid.uuid4(), tenant=principal.tenant, agenda_revision=0,
                            **data.columns())
    session.add(initiative)
    await outbox.emit_state(session, INITIATIVE_CREATED, initiative, initiative.id)
    await revise(session, principal, initiative, "initiative.created")
    return initiative


async def get(rows: Rows, principal: Principal, id_: uuid.UUID) -> dict[str, Any]:
    initiative = await rows.owned(Initiative, principal.tenant, id_, "initiative")
    require_role(principal, id_, InitiativeRole.VIEWER)
    return initiative


LISTING = Listing(Initiative, filters={
    "ids": Initiative.id == any_(bindparam("ids", type_=ARRAY(Uuid))),
    "status": Initiative.status == bindparam("status"),
    "phase": Initiative.phase == bindparam("phase")})


async def list_(
    rows: Rows, principal: Principal, params: PageParams,
    status: schemas.InitiativeStatus | None, phase: schemas.Phase | None,
) -> Page[schemas.InitiativeRead]:
    """The initiatives the caller takes part in (network admins: all)."""
    ids = None if principal.is_network_admin else list(principal.initiative_ids())
    async with rows.reader(principal.tenant) as reader:
        return await LISTING.page(reader, params, schemas.InitiativeRead, ids=ids,
                                  status=status, phase=phase)


async def update(
    session: AsyncSession, principal: Principal, id_: uuid.UUID,
    patch: schemas.InitiativeUpdate, if_match: str | None,
) -> Initiative:
    initiative = await get_owned(session, Initiative, principal.tenant, id_, "initiative",
                                 lock=True)
    require_role(principal, id_, InitiativeRole.BACKBONE)
    check_if_match(if_match, initiative.version)
    changes = patch.columns()
    start = changes.get("start_date", initiative.start_date)
    end = changes.get("end_date", initiative.end_date)
    ensure_dates_in_order(start, end)
    agenda_changed = any(getattr(initiative, f) != v for f, v in changes.items()
                         if f in AGENDA_FIELDS)
    if apply_changes(initiative, changes):
        await outbox.emit_state(session, INITIATIVE_UPDATED, initiative, initiative.id)
        if agenda_changed:
            await revise(session, principal, initiative, "initiative.updated")
    return initiative
