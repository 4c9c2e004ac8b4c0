"""Lists: a page of one model's rows, read on the row pool (``backbone.rows``).

A list is declared once, beside the service that reads it: its model, the conditions that
scope it (always applied) and the filters a caller may add (applied when given a value).
Each combination of filters, ``updated_since`` and ``cursor`` that requests use is built and
compiled to SQL once; a request then costs one round trip on asyncpg and one pydantic
validation of plain rows, instead of an ORM session, a statement built and cached anew,
entities, and a model per row validated twice. Measured in ``docs/benchmarks.md``.

Conditions and filters name their values by bind parameter (``bindparam("status")``); the
tenant's is ``tenant`` and always applied, so no list escapes the caller's tenant (and the
pool's connection names it for row-level security too).

Lists run oldest change first by ``(updated_at, id)``, so that paging with
``updated_since`` is a change feed; logs (feeds, inboxes) run newest first by the columns
they name, ``cursor`` continuing with older rows and ``updated_since`` stopping at rows
older than it.

Every list needs an index on its scope's columns (the tenant, or the columns its ``scope``
compares with a value, e.g. the initiative's id) followed by its two order columns, and a
``Listing`` refuses a model without one. With it a page reads its rows in order and stops
at the limit, whatever plan PostgreSQL has cached for the statement; without it, a plan
cached while the table was small read every row in scope and sorted them, a page after a
bulk import costing the whole table until the next analyse (``docs/benchmarks.md``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from itertools import takewhile
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import (
    BinaryExpression,
    BindParameter,
    Column,
    ColumnElement,
    bindparam,
    select,
    tuple_,
)
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql import operators

from backbone.http.pagination import Page, PageParams, decode_cursor, encode_cursor
from backbone.rows import RowQuery, RowReader

T = TypeVar("T", bound=BaseModel)


@dataclass(eq=False)
class Listing:
    model: Any
    scope: Sequence[ColumnElement[bool]] = ()
    """Conditions every page meets, besides the tenant's (e.g. the initiative's id)."""
    filters: Mapping[str, ColumnElement[bool]] = field(default_factory=dict)
    """Conditions applied when the request gives a value for them, by their parameter."""
    extra: Sequence[ColumnElement[Any]] = ()
    """Labelled expressions selected beside the model's columns (e.g. aggregated children)."""
    order: tuple[InstrumentedAttribute[Any], InstrumentedAttribute[Any]] | None = None
    """Newest first by these two columns (a log); by default oldest change first."""
    _queries: dict[frozenset[str], RowQuery] = field(default_factory=dict, init=False,
                                                     repr=False)

    def __post_init__(self) -> None:
        scope = _compared_columns(self.scope) or {"tenant"}
        at, id_ = (key.expression.name for key in self._keys())
        if not any(_serves(index, scope, at, id_) for index in self.model.__table__.indexes):
            raise TypeError(
                f"{self.model.__name__}'s list needs an index on {', '.join(sorted(scope))} "
                f"(the tenant's or the scope's columns, in any order), then {at}, {id_}")

    def _query(self, present: frozenset[str]) -> RowQuery:
        query = self._queries.get(present)
        if query is None:
            query = self._queries[present] = RowQuery(self._statement(present))
        return query

    def _keys(self) -> tuple[Any, Any]:
        model = self.model
        return self.order or (model.updated_at, model.id)

    def _statement(self, present: frozenset[str]) -> Any:
        model = self.model
        at, id_ = self._keys()
        stmt = select(model, *self.extra).where(
            model.tenant == bindparam("tenant"), *self.scope,
            *(condition for name, condition in self.filters.items() if name in present))
        if "since" in present:
            stmt = stmt.where(at >= bindparam("since"))
        if "after" in present:
            position = tuple_(at, id_)
            start = tuple_(bindparam("after", type_=at.type),
                           bindparam("after_id", type_=id_.type))
            stmt = stmt.where(position < start if self.order else position > start)
        ordered = stmt.order_by(at.desc(), id_.desc()) if self.order else stmt.order_by(at, id_)
        return ordered.limit(bindparam("limit"))

    async def page(self, reader: RowReader, params: PageParams, schema: type[T],
                   **values: Any) -> Page[T]:
        """The page ``params`` ask for. ``values`` hold the scope's parameters and the
        filters' (a filter whose value is ``None`` is not applied)."""
        given = {name: value.value if isinstance(value, Enum) else value
                 for name, value in values.items() if value is not None}
        if params.updated_since is not None:
            given["since"] = params.updated_since
        if params.cursor:
            given["after"], given["after_id"] = decode_cursor(params.cursor)
        present = frozenset(name for name in given if name in self.filters
                            or name in ("since", "after"))
        rows = await reader.dicts(self._query(present),
                                  {**given, "tenant": reader.tenant, "limit": params.limit + 1})
        more = len(rows) > params.limit
        rows = rows[:params.limit]
        at, id_ = self._keys()
        cursor = encode_cursor(rows[-1][at.key], rows[-1][id_.key]) if more else None
        return Page[schema].model_validate(  # type: ignore[valid-type]
            {"items": rows, "next_cursor": cursor})


def _compared_columns(conditions: Sequence[ColumnElement[bool]]) -> set[str]:
    """The columns the conditions compare with a value (``column == bindparam(...)``)."""
    return {condition.left.name for condition in conditions
            if isinstance(condition, BinaryExpression) and condition.operator is operators.eq
            and isinstance(condition.left, Column)
            and isinstance(condition.right, BindParameter)}


def _serves(index: Any, scope: set[str], at: str, id_: str) -> bool:
    """Whether the index leads with the scope's columns (the tenant's may come too), then
    the order's two."""
    names = [column.name for column in index.columns]
    head = list(takewhile((scope | {"tenant"}).__contains__, names))
    partial = index.dialect_options["postgresql"]["where"] is not None
    return (not partial and scope <= set(head)
            and names[len(head):len(head) + 2] == [at, id_])
