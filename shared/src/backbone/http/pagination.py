"""The page every list endpoint returns, its query parameters (cursor, ``updated_since``,
``limit``) and its cursors; ``backbone.listing`` reads the rows.

Lists are ordered by ``(updated_at, id)``, oldest change first, so paging with
``updated_since`` is a reliable change feed for integrations.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query, Response
from pydantic import BaseModel, Field

from backbone.http.schemas import IsoDateTime

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
T = TypeVar("T")


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


def page_response(page: Page[Any]) -> Response:
    """The page as JSON, serialized once by pydantic-core: a route returning the model itself
    would have FastAPI validate every item against the response model again."""
    return Response(page.model_dump_json(), media_type="application/json")
