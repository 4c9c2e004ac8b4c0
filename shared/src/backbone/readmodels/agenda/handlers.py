"""How agenda's events update the read model beyond upserting states and deleting removed
entities (``backbone.readmodels.known``)."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.events.envelope import CloudEvent
from backbone.events.registry import Removed
from backbone.readmodels.agenda.tables import KnownStrategy


async def forget_strategies_of_goal(session: AsyncSession, event: CloudEvent,
                                    removed: Removed) -> None:
    """A goal's strategies go with it."""
    await session.execute(delete(KnownStrategy).where(KnownStrategy.goal_id == removed.id))
