"""What measurement does when agenda's events arrive, besides keeping the library's agenda
read model (initiatives and goals): it opens its settings for a new initiative, and unlinks
a deleted goal from the indicators that served it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.contracts.agenda import events as agenda
from backbone.contracts.measurement.events import INDICATOR_UPDATED
from backbone.events.consumer import Subscription
from backbone.events.envelope import CloudEvent
from backbone.events.registry import Removed
from backbone.readmodels.agenda import Entity, subscriptions
from backbone.repository import apply_changes
from measurement.events import outbox
from measurement.models import Indicator, Initiative


async def open_initiative(session: AsyncSession, event: CloudEvent,
                          state: agenda.InitiativeState) -> None:
    await session.execute(insert(Initiative).values(id=state.id, tenant=event.tenant)
                          .on_conflict_do_nothing(index_elements=[Initiative.id]))


async def unlink_goal(session: AsyncSession, event: CloudEvent, removed: Removed) -> None:
    """Each unlink is an indicator change, published as such."""
    goal_id = str(removed.id)
    linked = (await session.execute(select(Indicator).where(
        Indicator.initiative_id == removed.initiative_id,
        Indicator.goal_ids.contains([goal_id])).with_for_update(key_share=True))).scalars()
    for indicator in linked:
        apply_changes(indicator, {"goal_ids": [g for g in indicator.goal_ids if g != goal_id]})
        await outbox.emit_state(session, INDICATOR_UPDATED, indicator, indicator.initiative_id)


SUBSCRIPTIONS: list[Subscription[Any]] = [
    *subscriptions(Entity.INITIATIVES, Entity.GOALS),
    Subscription(agenda.INITIATIVE_CREATED, open_initiative),
    Subscription(agenda.INITIATIVE_UPDATED, open_initiative),
    Subscription(agenda.GOAL_DELETED, unlink_goal),
]
