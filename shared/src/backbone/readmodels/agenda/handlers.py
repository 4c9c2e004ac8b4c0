"""How agenda's events update the read model: states are upserted when newer than what is
kept, removals delete."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, delete
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.events.consumer import Handler
from backbone.events.envelope import CloudEvent
from backbone.events.registry import Removed
from backbone.http.schemas import EntityRead
from backbone.readmodels.agenda.tables import Known, KnownStrategy
from backbone.upserts import compiled_once

_KEPT_ELSEWHERE = {"tenant", "source_version"}


def upsert_into(table: type[Known]) -> Handler[Any]:
    """A handler keeping ``table``'s columns from an entity's published state."""
    columns = {c.key for c in table.__table__.columns} - _KEPT_ELSEWHERE  # type: ignore[attr-defined]
    values = insert(table).values({c: bindparam(c) for c in columns | _KEPT_ELSEWHERE})
    stmt = compiled_once(values.on_conflict_do_update(
        index_elements=[table.id],
        set_={c: values.excluded[c] for c in columns - {"id"} | {"source_version"}},
        where=table.source_version < values.excluded.source_version))

    async def upsert(session: AsyncSession, event: CloudEvent, state: EntityRead) -> None:
        await session.execute(stmt, {"tenant": event.tenant, "source_version": state.version,
                                     **state.model_dump(include=columns)})

    return upsert


def delete_from(table: type[Known]) -> Handler[Removed]:
    async def remove(session: AsyncSession, event: CloudEvent, removed: Removed) -> None:
        await session.execute(delete(table).where(table.id == removed.id))

    return remove


async def forget_strategies_of_goal(session: AsyncSession, event: CloudEvent,
                                    removed: Removed) -> None:
    """A goal's strategies go with it."""
    await session.execute(delete(KnownStrategy).where(KnownStrategy.goal_id == removed.id))
