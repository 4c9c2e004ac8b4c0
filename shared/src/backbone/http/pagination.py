"""Cursor pagination and ``updated_since`` filters for every list endpoint.

Lists are ordered by ``(updated_at, id)``, oldest change first, so paging with
``updated_since`` is a reliable change feed for integrations.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel, Field
from sqlalchemy import Select, and_, or_

from backbone.http.schemas import IsoDateTime

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)
S = TypeVar("S", bound=Select[Any])


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        None, description="Pass as `cursor` to get the next page; absent on the last page."
    )


class PageParams(BaseModel):
    limit: int = 50
    cursor: str | None = None
    updated_since: datetime | None = None


async def page_params(
    limit: Annotated[int, Query(ge=1, le=500, description="Page size.")] = 50,
    cursor: Annotated[
        str | None,
        Query(pattern=CURSOR_PATTERN, description="Opaque cursor from `next_cursor`."),
    ] = None,
    updated_since: Annotated[
        IsoDateTime | None,
        Query(description="Only items changed at or after this instant (RFC 3339)."),
    ] = None,
) -> PageParams:
    """Async, like every dependency here: FastAPI runs plain functions in a thread pool."""
    return PageParams(limit=limit, cursor=cursor, updated_since=updated_since)


Pages = Annotated[PageParams, Depends(page_params)]


CURSOR_PATTERN = r"^[0-9]{1,16}~[0-9a-f]{32}$"


def encode_cursor(updated_at: datetime, id_: uuid.UUID) -> str:
    """``<microseconds since epoch>~<id hex>``: opaque to clients, checkable by pattern."""
    micros = (updated_at - EPOCH) // timedelta(microseconds=1)
    return f"{micros}~{id_.hex}"


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    micros, _, hex_id = cursor.partition("~")
    return EPOCH + timedelta(microseconds=int(micros)), uuid.UUID(hex=hex_id)


def paginate(stmt: S, model: Any, params: PageParams) -> S:
    """Apply filters, keyset position, order and limit (+1 to detect a next page)."""
    if params.updated_since is not None:
        stmt = stmt.where(model.updated_at >= params.updated_since)
    if params.cursor:
        after, after_id = decode_cursor(params.cursor)
        stmt = stmt.where(
            or_(model.updated_at > after, and_(model.updated_at == after, model.id > after_id))
        )
    return stmt.order_by(model.updated_at, model.id).limit(params.limit + 1)


def make_page(rows: list[Any], params: PageParams, schema: type[M]) -> Page[M]:
    has_more = len(rows) > params.limit
    rows = rows[: params.limit]
    next_cursor = encode_cursor(rows[-1].updated_at, rows[-1].id) if has_more else None
    return Page[M](items=[schema.model_validate(r) for r in rows], next_cursor=next_cursor)
