"""Commitments: backbone staff record any; a partner records and changes its own
organization's. An open commitment past its due date is announced as overdue, once per
due date (``service.overdue``)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import bindparam, false, func
from sqlalchemy.ext.asyncio import AsyncSession

from activities.events import COMMITMENT_FULFILLED, COMMITMENT_MADE, COMMITMENT_UPDATED, outbox
from activities.models import Commitment
from activities.schemas.commitments import (
    CommitmentCreate,
    CommitmentRead,
    CommitmentStatus,
    CommitmentUpdate,
)
from activities.service import references
from activities.service.access import require_own
from backbone.auth.principal import Principal
from backbone.db import utcnow
from backbone.http.etag import check_if_match
from backbone.http.pagination import Page, PageParams
from backbone.readmodels.agenda import KnownInitiative, KnownStrategy
from backbone.repository import apply_changes, get_owned
from backbone.resources import InitiativeResource, ensure_in_initiative
from backbone.rows import Rows

_LATE = func.coalesce((Commitment.status == CommitmentStatus.OPEN.value)
                      & (Commitment.due_date < bindparam("today")), false())
COMMITMENTS = InitiativeResource(
    Commitment, "commitment", KnownInitiative, outbox, COMMITMENT_MADE, COMMITMENT_UPDATED,
    filters={"status": Commitment.status == bindparam("status"),
             "organization_id": Commitment.organization_id == bindparam("organization_id"),
             "activity_id": Commitment.activity_id == bindparam("activity_id"),
             "overdue": bindparam("overdue") == _LATE})
"""For reads; writes follow the partner rules. Commitments are dropped, not deleted."""


async def _check_links(session: AsyncSession, initiative_id: uuid.UUID,
                       values: dict[str, Any]) -> None:
    if values.get("activity_id") is not None:
        await references.activity_in(session, initiative_id, values["activity_id"],
                                     "activity_id")
    if values.get("strategy_id") is not None:
        await ensure_in_initiative(session, KnownStrategy, initiative_id,
                                   [values["strategy_id"]], "strategy_id")


async def make(session: AsyncSession, principal: Principal, initiative_id: uuid.UUID,
               body: CommitmentCreate) -> Commitment:
    await get_owned(session, KnownInitiative, principal.tenant, initiative_id, "initiative")
    require_own(principal, initiative_id, body.organization_id, "record the commitments")
    await references.participant_organization(session, initiative_id, body.organization_id,
                                              "organization_id")
    values = body.columns()
    await _check_links(session, initiative_id, values)
    commitment = Commitment(tenant=principal.tenant, initiative_id=initiative_id, **values)
    session.add(commitment)
    await outbox.emit_state(session, COMMITMENT_MADE, commitment, initiative_id)
    return commitment


async def update(session: AsyncSession, principal: Principal, id_: uuid.UUID,
                 body: CommitmentUpdate, if_match: str | None) -> Commitment:
    commitment = await get_owned(session, Commitment, principal.tenant, id_, "commitment",
                                 lock=True)
    require_own(principal, commitment.initiative_id, commitment.organization_id,
                "change the commitments")
    check_if_match(if_match, commitment.version)
    changes = body.columns()
    await _check_links(session, commitment.initiative_id, changes)
    if "due_date" in changes and changes["due_date"] != commitment.due_date:
        changes["overdue_since"] = None  # a new due date is a new promise to keep
    was = commitment.status
    if apply_changes(commitment, changes):
        fulfilled = commitment.status == CommitmentStatus.DONE and was != CommitmentStatus.DONE
        await outbox.emit_state(session, COMMITMENT_FULFILLED if fulfilled
                                else COMMITMENT_UPDATED, commitment, commitment.initiative_id)
    return commitment


async def list_(rows: Rows, principal: Principal, initiative_id: uuid.UUID,
                page: PageParams, *, status: CommitmentStatus | None,
                organization_id: uuid.UUID | None, activity_id: uuid.UUID | None,
                overdue: bool | None) -> Page[CommitmentRead]:
    return await COMMITMENTS.list(rows, principal, initiative_id, page, CommitmentRead,
                                  status=status, organization_id=organization_id,
                                  activity_id=activity_id, overdue=overdue,
                                  today=utcnow().date() if overdue is not None else None)
