"""What activities does when agenda's and measurement's events arrive, besides keeping the
library's read models: a goal or strategy agenda removes is unlinked from the activities
and commitments that served it, each unlink announced as a change of theirs."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from activities.events import COMMITMENT_UPDATED, outbox
from activities.models import Activity, Commitment
from activities.service.activities import announce
from backbone.contracts.agenda import events as agenda
from backbone.events.consumer import Subscription
from backbone.events.envelope import CloudEvent
from backbone.events.registry import Removed
from backbone.readmodels import agenda as agenda_model
from backbone.readmodels import measurement as measurement_model
from backbone.readmodels.agenda import KnownStrategy
from backbone.repository import apply_changes

AGENDA_KEPT = (agenda_model.Entity.INITIATIVES, agenda_model.Entity.ORGANIZATIONS,
               agenda_model.Entity.PARTICIPANTS, agenda_model.Entity.GOALS,
               agenda_model.Entity.STRATEGIES)
MEASUREMENT_KEPT = tuple(measurement_model.Entity)


async def _unlink(session: AsyncSession, initiative_id: uuid.UUID,
                  goals: Collection[uuid.UUID], strategies: Collection[uuid.UUID]) -> None:
    linked = (await session.execute(select(Activity).where(
        Activity.initiative_id == initiative_id,
        Activity.goal_ids.overlap(list(goals)) | Activity.strategy_ids.overlap(list(strategies))
    ).order_by(Activity.id).with_for_update())).scalars()
    for activity in linked:
        if apply_changes(activity, {
                "goal_ids": [g for g in activity.goal_ids if g not in goals],
                "strategy_ids": [s for s in activity.strategy_ids if s not in strategies]}):
            await announce(session, activity)
    if not strategies:
        return
    pledged = (await session.execute(select(Commitment).where(
        Commitment.initiative_id == initiative_id, Commitment.strategy_id.in_(strategies))
        .order_by(Commitment.id).with_for_update())).scalars()
    for commitment in pledged:
        apply_changes(commitment, {"strategy_id": None})
        await outbox.emit_state(session, COMMITMENT_UPDATED, commitment, initiative_id)


async def goal_deleted(session: AsyncSession, event: CloudEvent, removed: Removed) -> None:
    """Runs before the read model forgets the goal's strategies, to unlink them too."""
    strategies = set((await session.execute(select(KnownStrategy.id).where(
        KnownStrategy.goal_id == removed.id))).scalars())
    await _unlink(session, removed.initiative_id, {removed.id}, strategies)


async def strategy_deleted(session: AsyncSession, event: CloudEvent, removed: Removed) -> None:
    await _unlink(session, removed.initiative_id, set(), {removed.id})


SUBSCRIPTIONS: list[Subscription[Any]] = [
    Subscription(agenda.GOAL_DELETED, goal_deleted),
    *agenda_model.subscriptions(*AGENDA_KEPT),
    Subscription(agenda.STRATEGY_DELETED, strategy_deleted),
    *measurement_model.subscriptions(*MEASUREMENT_KEPT),
]
