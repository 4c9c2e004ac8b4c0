"""Tenant-scoped data access shared by every service: no query escapes the caller's tenant."""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import Select, and_, bindparam, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from backbone.db import TenantEntity, TenantScoped
from backbone.errors import NotFound
from backbone.http.pagination import (
    Page,
    PageParams,
    decode_cursor,
    encode_cursor,
    make_page,
    paginate,
)

E = TypeVar("E", bound=TenantScoped)
T = TypeVar("T", bound=BaseModel)


_BY_ID: dict[tuple[type[TenantScoped], bool], Select[Any]] = {}


def by_id(model: type[TenantScoped], lock: bool = False) -> Select[Any]:
    """The entity with ``id`` in ``tenant`` (bind parameters): the one tenant-scoped lookup
    by id, for sessions (``get_owned``) and single-row reads (``backbone.rows``).

    Built once per model: a statement object that is reused skips building the query and
    computing its cache key on every call (a third of the ORM's cost for one row)."""
    stmt = _BY_ID.get((model, lock))
    if stmt is None:
        stmt = select(model).where(model.id == bindparam("id"),
                                   model.tenant == bindparam("tenant"))
        if lock:
            stmt = stmt.with_for_update(key_share=True)
        _BY_ID[(model, lock)] = stmt
    return stmt


async def get_owned(
    session: AsyncSession, model: type[E], tenant: str, id_: uuid.UUID, what: str,
    *, lock: bool = False,
) -> E:
    """The entity with this id in this tenant, or a 404 (another tenant's id is a 404 too).

    ``lock`` takes ``FOR NO KEY UPDATE``: it serialises changes of the row without blocking
    inserts that merely reference it (whose foreign key checks take ``FOR KEY SHARE``).
    """
    stmt = by_id(model, lock)
    entity = (await session.execute(stmt, {"id": id_, "tenant": tenant})).scalar_one_or_none()
    if entity is None:
        raise NotFound.of(what, getattr(model, "NOT_FOUND_HINT", ""))
    return entity


async def list_page(
    session: AsyncSession, stmt: Select[Any], model: Any, params: PageParams, schema: type[T]
) -> Page[T]:
    rows = list((await session.execute(paginate(stmt, model, params))).scalars())
    return make_page(rows, params, schema)


async def list_newest_first(
    session: AsyncSession, stmt: Select[Any], at: InstrumentedAttribute[Any],
    id_: InstrumentedAttribute[Any], params: PageParams, schema: type[T],
) -> Page[T]:
    """A page of a log (feeds, inboxes), newest first by ``(at, id_)``: ``cursor``
    continues with older rows, ``updated_since`` stops at rows older than it."""
    if params.updated_since is not None:
        stmt = stmt.where(at >= params.updated_since)
    if params.cursor:
        before, before_id = decode_cursor(params.cursor)
        stmt = stmt.where(or_(at < before, and_(at == before, id_ < before_id)))
    rows = list((await session.execute(stmt.order_by(at.desc(), id_.desc())
                                       .limit(params.limit + 1))).scalars())
    more = len(rows) > params.limit
    rows = rows[:params.limit]
    last = rows[-1] if rows else None
    return Page[schema](  # type: ignore[valid-type]
        items=[schema.model_validate(r) for r in rows],
        next_cursor=encode_cursor(getattr(last, at.key), getattr(last, id_.key))
        if more and last is not None else None)


def apply_changes(entity: TenantEntity, changes: dict[str, Any]) -> bool:
    """Set the changed attributes; bump version and ``updated_at`` only if something changed."""
    changed = False
    for name, value in changes.items():
        if getattr(entity, name) != value:
            setattr(entity, name, value)
            changed = True
    if changed:
        entity.touch()
    return changed
