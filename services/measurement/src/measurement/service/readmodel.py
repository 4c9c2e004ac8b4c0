"""The local read model of agenda's initiatives and goals, fed by ``backbone.agenda.v1``.

Measurement never calls agenda: goal links are checked against this table. Each upsert
keeps the newest version agenda announced, so a replayed older event changes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.events.consumer import Handler
from backbone.events.envelope import CloudEvent
from backbone.repository import apply_changes
from measurement.events import INDICATOR_UPDATED, outbox
from measurement.models import Goal, Indicator, Initiative

AGENDA_TOPIC = "backbone.agenda.v1"
_AGENDA = "org.backbone.agenda."


async def on_initiative(session: AsyncSession, event: CloudEvent) -> None:
    data = event.data
    stmt = insert(Initiative).values(
        id=uuid.UUID(data["id"]), tenant=event.tenant, name=data["name"], status=data["status"],
        source_version=data["version"])
    await session.execute(stmt.on_conflict_do_update(
        index_elements=[Initiative.id],
        set_={"name": stmt.excluded.name, "status": stmt.excluded.status,
              "source_version": stmt.excluded.source_version},
        where=Initiative.source_version < stmt.excluded.source_version))


async def on_goal(session: AsyncSession, event: CloudEvent) -> None:
    data = event.data
    stmt = insert(Goal).values(
        id=uuid.UUID(data["id"]), tenant=event.tenant,
        initiative_id=uuid.UUID(data["initiative_id"]), title=data["title"],
        source_version=data["version"])
    await session.execute(stmt.on_conflict_do_update(
        index_elements=[Goal.id],
        set_={"title": stmt.excluded.title, "source_version": stmt.excluded.source_version},
        where=Goal.source_version < stmt.excluded.source_version))


async def on_goal_deleted(session: AsyncSession, event: CloudEvent) -> None:
    """Forget the goal and unlink it from indicators (each unlink is an indicator change)."""
    goal_id = event.data["id"]
    await session.execute(delete(Goal).where(Goal.id == uuid.UUID(goal_id)))
    linked = (await session.execute(select(Indicator).where(
        Indicator.initiative_id == uuid.UUID(event.data["initiative_id"]),
        Indicator.goal_ids.contains([goal_id])).with_for_update(key_share=True))).scalars()
    for indicator in linked:
        apply_changes(indicator, {"goal_ids": [g for g in indicator.goal_ids if g != goal_id]})
        await outbox.emit_state(session, INDICATOR_UPDATED, indicator, indicator.initiative_id)


HANDLERS: Mapping[str, Handler] = {
    _AGENDA + "initiative.created": on_initiative,
    _AGENDA + "initiative.updated": on_initiative,
    _AGENDA + "goal.created": on_goal,
    _AGENDA + "goal.updated": on_goal,
    _AGENDA + "goal.deleted": on_goal_deleted,
}
