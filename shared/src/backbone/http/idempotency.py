"""``Idempotency-Key`` on POST: the stored response of the first request is replayed.

Keys are stored per caller and authorization (tenant, and a digest of the token's
``sub``, ``org`` and roles) in the same transaction as the write, so a retry after a crash
either finds the committed response or nothing at all, and a request made with other
rights never replays a stored response: it is authorized like a new request.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from backbone.auth.principal import Principal
from backbone.db import LibraryBase, utcnow
from backbone.http.problems import ProblemError


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


def caller_scope(principal: Principal) -> str:
    """Who asked, with which rights: the same for every token of one caller and one set of
    grants, different as soon as either differs."""
    parts = [principal.sub, str(principal.org or ""), *sorted(principal.grants)]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def fingerprint(method: str, path: str, body: bytes) -> str:
    return hashlib.sha256(b"\0".join([method.encode(), path.encode(), body])).hexdigest()


async def find_replay(
    session: AsyncSession, tenant: str, subject: str, key: str, print_: str
) -> IdempotencyRecord | None:
    """The stored response for this key, or None; 422 if the key was used for another body."""
    record = await session.get(IdempotencyRecord, (tenant, subject, key))
    if record is None:
        return None
    if record.fingerprint != print_:
        raise ProblemError(
            422,
            "This Idempotency-Key was already used with a different request.",
            kind="idempotency-key-reused",
        )
    return record
