"""What every read model of another service's entities shares: the rows keep the version the
source announced last (``source_version``), so a replayed older state changes nothing, and
the handlers that keep them from the source's events."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Integer, Uuid, bindparam, delete
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from backbone.db import TenantScoped
from backbone.events.consumer import Handler
from backbone.events.envelope import CloudEvent
from backbone.events.registry import Removed
from backbone.http.schemas import EntityRead
from backbone.upserts import compiled_once


class Known(TenantScoped):
    source_version: Mapped[int] = mapped_column(Integer)


class InInitiative(Known):
    initiative_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)


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
