"""Rate limits per caller and route class (OWASP API4:2023), advertised with the IETF httpapi
draft's ``RateLimit-Policy`` and ``RateLimit`` fields.

A caller is the token's tenant and subject (or, without a valid token, the client address).
Each request counts against one quota of its route class: ``reads`` (GET, HEAD), ``writes``
(other methods) or ``bulk`` (the service's bulk imports), in fixed windows of a minute.
Every answer of ``/v1`` says the policy and what is left::

    RateLimit-Policy: "reads";q=1200;w=60
    RateLimit: "reads";r=1187;t=41

A request over the quota is a 429 problem with ``Retry-After`` (the seconds until the
window ends) and changes nothing. Counts live in each process (``memory``) or in the
service's database (``database``: one upsert per request, shared by every replica, so the
limit holds however many replicas answer).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import asyncpg
from sqlalchemy import BigInteger, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column
from starlette.types import Scope

from backbone.auth.tokens import InvalidTokenError, TokenValidator, bearer_token
from backbone.db import LibraryBase
from backbone.settings import BaseServiceSettings

WINDOW_S = 60
_READS = frozenset({"GET", "HEAD"})


class RateLimitCounter(LibraryBase):
    """One caller's requests of one route class in one window (the ``database`` store)."""

    __tablename__ = "rate_limit_counters"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    minute: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    """The window: minutes since the epoch."""
    count: Mapped[int] = mapped_column(Integer)


@dataclass(frozen=True)
class Quota:
    name: str
    limit: int

    def policy(self) -> str:
        return f'"{self.name}";q={self.limit};w={WINDOW_S}'


class Store(Protocol):
    async def hit(self, key: str, window: int) -> int:
        """Count one more request of ``key`` in ``window``; the count so far."""

    async def close(self) -> None: ...


class MemoryStore:
    """Counts in this process (windows before the current one are dropped as it starts)."""

    def __init__(self) -> None:
        self._window = 0
        self._counts: dict[str, int] = {}

    async def hit(self, key: str, window: int) -> int:
        if window != self._window:
            self._window, self._counts = window, {}
        count = self._counts.get(key, 0) + 1
        self._counts[key] = count
        return count

    async def close(self) -> None:
        return None


_HIT = ("INSERT INTO rate_limit_counters (key, minute, count) VALUES ($1, $2, 1) "
        "ON CONFLICT (key, minute) DO UPDATE SET count = rate_limit_counters.count + 1 "
        "RETURNING count")
_PRUNE = "DELETE FROM rate_limit_counters WHERE minute < $1"


class DatabaseStore:
    """Counts in the service's database: every replica sees the same ones. Each request is
    one upsert in autocommit; the first request of a window in each process prunes the
    windows before the last."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool
        self._pruned = 0

    @classmethod
    async def open(cls, settings: BaseServiceSettings) -> DatabaseStore:
        return cls(await asyncpg.create_pool(settings.asyncpg_dsn, min_size=0, max_size=4))

    async def hit(self, key: str, window: int) -> int:
        async with self._pool.acquire() as connection:
            if window != self._pruned:
                self._pruned = window
                await connection.execute(_PRUNE, window - 1)
            return int(await connection.fetchval(_HIT, key, window))

    async def close(self) -> None:
        await self._pool.close()


def quotas(settings: BaseServiceSettings) -> dict[str, Quota]:
    return {name: Quota(name, limit) for name, limit in (
        ("reads", settings.rate_limit_reads_per_minute),
        ("writes", settings.rate_limit_writes_per_minute),
        ("bulk", settings.rate_limit_bulk_per_minute)) if limit > 0}


def route_class(method: str, path: str, bulk_suffixes: Sequence[str]) -> str:
    if method in _READS:
        return "reads"
    return "bulk" if path.endswith(tuple(bulk_suffixes)) else "writes"


@dataclass(frozen=True)
class Verdict:
    """What a request's count says: the fields every answer carries, and whether the
    request is over its quota (then answered 429 with ``detail`` and ``Retry-After``)."""

    fields: list[tuple[bytes, bytes]]
    refused: bool
    detail: str
    retry_after: int


class RateLimiter:
    """Counts ``/v1`` requests against their route class's quota. The store is opened with
    the app's lifespan (the edge layer that asks exists before it): counts in the process
    until then, or for good with the ``memory`` store."""

    def __init__(self, settings: BaseServiceSettings, validator: TokenValidator,
                 bulk_suffixes: Sequence[str] = ()) -> None:
        self.settings = settings
        self.quotas = quotas(settings)
        self.validator = validator
        self.bulk_suffixes = tuple(bulk_suffixes)
        self.store: Store = MemoryStore()

    async def open(self) -> None:
        if self.settings.rate_limit_store == "database":
            self.store = await DatabaseStore.open(self.settings)

    async def close(self) -> None:
        await self.store.close()

    async def _caller(self, scope: Scope, authorization: bytes) -> str:
        token = bearer_token(authorization.decode("latin-1"))
        if token is not None:
            try:
                principal = await self.validator.validate(token)
                return f"t{len(principal.tenant)}:{principal.tenant}{principal.sub}"
            except InvalidTokenError:
                pass
        client = scope.get("client")
        return f"a:{client[0] if client else 'unknown'}"

    async def count(self, scope: Scope, authorization: bytes) -> Verdict | None:
        """Count the request; None where no quota applies (outside ``/v1``, or a route
        class whose limit is off)."""
        if not scope["path"].startswith("/v1/"):
            return None
        quota = self.quotas.get(route_class(scope["method"], scope["path"],
                                            self.bulk_suffixes))
        if quota is None:
            return None
        now = time.time()
        window = int(now // WINDOW_S)
        count = await self.store.hit(f"{quota.name}:{await self._caller(scope, authorization)}",
                                     window)
        reset = max(1, int((window + 1) * WINDOW_S - now + 0.999))
        fields = [(b"ratelimit-policy", quota.policy().encode()),
                  (b"ratelimit", f'"{quota.name}";r={max(0, quota.limit - count)};'
                                 f"t={reset}".encode())]
        return Verdict(fields, count > quota.limit,
                       f"More than {quota.limit} {quota.name} a minute; try again in {reset} s.",
                       reset)
