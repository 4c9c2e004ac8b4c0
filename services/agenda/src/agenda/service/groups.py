"""Working groups (action teams) and the decisions log."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from agenda import schemas
from agenda.events import (
    DECISION_DELETED,
    DECISION_RECORDED,
    DECISION_UPDATED,
    WORKING_GROUP_CREATED,
    WORKING_GROUP_DELETED,
    WORKING_GROUP_UPDATED,
)
from agenda.models import Decision, Goal, Participant, WorkingGroup
from agenda.service.resources import agenda_resource
from backbone.auth.principal import Principal
from backbone.http.problems import ProblemError
from backbone.http.schemas import Input
from backbone.resources import ensure_in_initiative

WORKING_GROUPS = agenda_resource(WorkingGroup, "working group", WORKING_GROUP_CREATED,
                                    WORKING_GROUP_UPDATED, WORKING_GROUP_DELETED)
DECISIONS = agenda_resource(Decision, "decision", DECISION_RECORDED, DECISION_UPDATED,
                               DECISION_DELETED)

_REFERENCES = {"goal_ids": Goal, "member_ids": Participant, "participant_ids": Participant}


async def _check_references(
    session: AsyncSession, initiative_id: uuid.UUID, data: Input
) -> None:
    for field, model in _REFERENCES.items():
        ids = getattr(data, field, None)
        if ids:
            await ensure_in_initiative(session, model, initiative_id, ids, field)


def _check_votes(method: Any, votes: Any) -> None:
    if votes is not None and method != schemas.DecisionMethod.VOTE:
        raise ProblemError(422, "Only decisions taken by vote carry a tally.",
                           kind="validation-failed")


async def create_working_group(
    session: AsyncSession, principal: Principal, initiative_id: uuid.UUID,
    data: schemas.WorkingGroupCreate,
) -> WorkingGroup:
    await _check_references(session, initiative_id, data)
    return await WORKING_GROUPS.create(session, principal, initiative_id, data.columns())


async def update_working_group(
    session: AsyncSession, principal: Principal, id_: uuid.UUID,
    patch: schemas.WorkingGroupUpdate, if_match: str | None,
) -> WorkingGroup:
    group = await WORKING_GROUPS.get(session, principal, id_)
    await _check_references(session, group.initiative_id, patch)
    return await WORKING_GROUPS.update(session, principal, id_, patch.columns(), if_match)


async def record_decision(
    session: AsyncSession, principal: Principal, initiative_id: uuid.UUID,
    data: schemas.DecisionCreate,
) -> Decision:
    _check_votes(data.method, data.votes)
    await _check_references(session, initiative_id, data)
    return await DECISIONS.create(session, principal, initiative_id, data.columns())


async def update_decision(
    session: AsyncSession, principal: Principal, id_: uuid.UUID,
    patch: schemas.DecisionUpdate, if_match: str | None,
) -> Decision:
    decision = await DECISIONS.get(session, principal, id_)
    changes = patch.columns()
    _check_votes(changes.get("method", decision.method), changes.get("votes", decision.votes))
    await _check_references(session, decision.initiative_id, patch)
    return await DECISIONS.update(session, principal, id_, changes, if_match)
