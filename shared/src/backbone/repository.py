"""Tenant-scoped data access shared by every service: no query escapes the caller's tenant."""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from sqlalchemy import Column, Insert, Select, bindparam, insert, inspect, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import make_transient_to_detached

from backbone.db import TenantEntity, TenantScoped
from backbone.errors import NotFound

E = TypeVar("E", bound=TenantScoped)


_BY_ID: dict[tuple[type[TenantScoped], bool], Select[Any]] = {}


def by_id(model: type[TenantScoped], lock: bool = False) -> Select[Any]:
    """The entity with ``id`` (a bind parameter): the one lookup by id, for sessions
    (``get_owned``) and single-row reads (``backbone.rows``), which check the tenant on the
    row it finds (as row-level security does in the database).

    Not ``AND tenant = ...`` in the statement: PostgreSQL caches a generic plan for a
    prepared statement, and one made while the table was empty took the tenant's index
    over the primary key, reading every row of the tenant to find one, until the table was
    next analysed (``docs/benchmarks.md``).

    Built once per model: a statement object that is reused skips building the query and
    computing its cache key on every call (a third of the ORM's cost for one row)."""
    stmt = _BY_ID.get((model, lock))
    if stmt is None:
        stmt = select(model).where(model.id == bindparam("id"))
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
    entity = (await session.execute(stmt, {"id": id_})).scalar_one_or_none()
    if entity is None or entity.tenant != tenant:
        raise NotFound.of(what, getattr(model, "NOT_FOUND_HINT", ""))
    return entity


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


_INSERTS: dict[type[Any], tuple[Insert, list[tuple[str, Column[Any]]]]] = {}


def _insert_for(model: type[Any]) -> tuple[Insert, list[tuple[str, Column[Any]]]]:
    """The model's ``INSERT`` (built once: SQLAlchemy caches its compiled form) and its
    columns by attribute name."""
    found = _INSERTS.get(model)
    if found is None:
        mapper = inspect(model)
        columns = [(prop.key, prop.columns[0]) for prop in mapper.column_attrs]
        if len(mapper.tables) != 1 or any(
                not isinstance(column, Column) or column.table is not mapper.local_table
                for _, column in columns):
            # Several tables, or an attribute computed by a query: only a flush (and the
            # loads that follow it) gives those.
            raise TypeError(f"{model.__name__} is not one table's columns: add it to the "
                            "session")
        found = _INSERTS[model] = (insert(mapper.local_table), columns)
    return found


async def insert_new(session: AsyncSession, entity: Any) -> None:
    """Write a new entity's row at once, with one Core ``INSERT``, and make it part of the
    session as if it had been loaded: later changes to it are flushed as updates, and
    related objects it holds (cascading) are added to the session as usual.

    The same row ``session.add`` and a flush would write, at less CPU: for a small write
    the unit of work's flush was about a fifth of a request's (``docs/benchmarks.md``).
    Python-side column defaults are applied here, as a flush applies them; a column whose
    value only the server would generate (an identity) is refused."""
    stmt, columns = _insert_for(type(entity))
    values: dict[str, Any] = {}
    for key, column in columns:
        value = getattr(entity, key)
        default: Any = column.default
        if value is None and default is not None and (default.is_scalar
                                                      or default.is_callable):
            value = default.arg(None) if default.is_callable else default.arg
            setattr(entity, key, value)
        elif value is None and (default is not None or column.server_default is not None
                                or column.identity is not None):
            raise TypeError(f"{column} is generated in the database: add the entity to the "
                            "session instead")
        values[column.key] = value
    await (await session.connection()).execute(stmt, values)
    make_transient_to_detached(entity)
    session.add(entity)
