"""Working groups (action teams) and the decisions log."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import bindparam
from sqlalchemy.ext.asyncio import AsyncSession

from agenda import schemas
from agenda.models import Decision, Goal, Participant, WorkingGroup
from agenda.service.resources import agenda_resource
from backbone.auth.principal import Principal
from backbone.contracts.agenda.events import (
    DECISION_DELETED,
    DECISION_RECORDED,
    DECISION_UPDATED,
    WORKING_GROUP_CREATED,
    WORKING_GROUP_DELETED,
    WORKING_GROUP_UPDATED,
)
from backbone.errors import Invalid
from backbone.http.pagination import Page, PageParams
from backbone.http.schemas import Input
from backbone.resources import Check, ensure_in_initiative
from backbone.rows import Rows

WORKING_GROUPS = agenda_resource(WorkingGroup, "working group", WORKING_GROUP_CREATED,
                                    WORKING_GROUP_UPDATED, WORKING_GROUP_DELETED)
DECISIONS = agenda_resource(
    Decision, "decision", DECISION_RECORDED, DECISION_UPDATED, DECISION_DELETED,
    filters={"method": Decision.method == bindparam("method"),
             "decided_from": Decision.decided_on >= bindparam("decided_from"),
             "decided_to": Decision.decided_on <= bindparam("decided_to")})

async def list_decisions(
    rows: Rows, principal: Principal, initiative_id: uuid.UUID, page: PageParams,
    *, method: schemas.DecisionMethod | None, decided_from: date | None,
    decided_to: date | None,
) -> Page[schemas.DecisionRead]:
    """The decisions log, narrowed by method and by a range of decision dates."""
    return await DECISIONS.list(rows, principal, initiative_id, page, schemas.DecisionRead,
                                method=method, decided_from=decided_from,
                                decided_to=decided_to)


_REFERENCES = {"goal_ids": Goal, "member_ids": Participant, "participant_ids": Participant}


def _references(session: AsyncSession, initiative_id: uuid.UUID, data: Input) -> Check:
    """A check that the ids ``data`` names are in the initiative."""
    async def check(_: object) -> None:
        for field, model in _REFERENCES.items():
            ids = getattr(data, field, None)
            if ids:
                await ensure_in_initiative(session, model, initiative_id, ids, field)

    return check


def _check_votes(method: Any, votes: Any) -> None:
    if votes is not None and method != schemas.DecisionMethod.VOTE:
        raise Invalid("Only decisions taken by vote carry a tally.")


async def create_working_group(
    session: AsyncSession, principal: Principal, initiative_id: uuid.UUID,
    data: schemas.WorkingGroupCreate,
) -> WorkingGroup:
    return await WORKING_GROUPS.create(session, principal, initiative_id, data.columns(),
                                       _references(session, initiative_id, data))


async def update_working_group(
    session: AsyncSession, principal: Principal, id_: uuid.UUID,
    patch: schemas.WorkingGroupUpdate, if_match: str | None,
) -> WorkingGroup:
    group = await WORKING_GROUPS.get(session, principal, id_)
    return await WORKING_GROUPS.update(session, principal, id_, patch.columns(), if_match,
                                       _references(session, group.initiative_id, patch))


async def record_decision(
    session: AsyncSession, principal: Principal, initiative_id: uuid.UUID,
    data: schemas.DecisionCreate,
) -> Decision:
    _check_votes(data.method, data.votes)
    return await DECISIONS.create(session, principal, initiative_id, data.columns(),
                                  _references(session, initiative_id, data))


async def update_decision(
    session: AsyncSession, principal: Principal, id_: uuid.UUID,
    patch: schemas.DecisionUpdate, if_match: str | None,
) -> Decision:
    decision = await DECISIONS.get(session, principal, id_)
    changes = patch.columns()
    _check_votes(changes.get("method", decision.method), changes.get("votes", decision.votes))
    return await DECISIONS.update(session, principal, id_, changes, if_match,
                                  _references(session, decision.initiative_id, patch))
