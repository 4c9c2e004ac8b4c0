"""``Idempotency-Key`` on POST: the stored response of the first request is replayed.

Keys are stored per caller and authorization (tenant, and a digest of the token's
``sub``, ``org`` and roles) in the same transaction as the write, so a retry after a crash
either finds the committed response or nothing at all, and a request made with other
rights never replays a stored response: it is authorized like a new request.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import DateTime, Integer, String, Table, bindparam, select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from backbone.auth.principal import Principal
from backbone.db import LibraryBase, utcnow
from backbone.http.problems import ProblemError
from backbone.rows import RowQuery, RowReader


class IdempotencyRecord(LibraryBase):
    """``subject`` holds ``caller_scope`` of the principal that made the request."""

    __tablename__ = "idempotency_keys"

    tenant: Mapped[str] = mapped_column(String(100), primary_key=True)
    subject: Mapped[str] = mapped_column(String(200), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    body: Mapped[Any] = mapped_column(JSONB)
    headers: Mapped[dict[str, str]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


IDEMPOTENCY_KEYS = cast(Table, IdempotencyRecord.__table__)


def caller_scope(principal: Principal) -> str:
    """Who asked, with which rights: the same for every token of one caller and one set of
    grants, different as soon as either differs."""
    parts = [principal.sub, str(principal.org or ""), *sorted(principal.grants)]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def fingerprint(method: str, path: str, body: bytes) -> str:
    return hashlib.sha256(b"\0".join([method.encode(), path.encode(), body])).hexdigest()


@dataclass(frozen=True)
class Replay:
    """A stored response."""

    status_code: int
    body: Any
    headers: dict[str, str]


def _replay(fingerprint_: str, print_: str, status_code: int, body: Any,
            headers: dict[str, str]) -> Replay:
    if fingerprint_ != print_:
        raise ProblemError(
            422,
            "This Idempotency-Key was already used with a different request.",
            kind="idempotency-key-reused",
        )
    return Replay(status_code, body, headers)


async def find_replay(
    session: AsyncSession, tenant: str, subject: str, key: str, print_: str
) -> Replay | None:
    """The stored response for this key, or None; 422 if the key was used for another body."""
    record = await session.get(IdempotencyRecord, (tenant, subject, key))
    if record is None:
        return None
    return _replay(record.fingerprint, print_, record.status_code, record.body, record.headers)


_STORED = RowQuery(select(IDEMPOTENCY_KEYS).where(
    IdempotencyRecord.tenant == bindparam("tenant"),
    IdempotencyRecord.subject == bindparam("subject"),
    IdempotencyRecord.key == bindparam("key")))


async def find_replay_row(
    reader: RowReader, tenant: str, subject: str, key: str, print_: str
) -> Replay | None:
    """``find_replay`` in a row writer's transaction (``backbone.rowwrites``)."""
    row = await reader.one(_STORED, {"tenant": tenant, "subject": subject, "key": key})
    if row is None:
        return None
    return _replay(row["fingerprint"], print_, row["status_code"], row["body"], row["headers"])
