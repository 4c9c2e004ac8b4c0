"""Database plumbing: the declarative base, engines and sessions."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime

from sqlalchemy import DateTime, MetaData, String, Uuid, func
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from backbone.settings import BaseServiceSettings

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class ConcurrentWriteError(Exception):
    """A command found that a concurrent transaction overtook what it had read (e.g. a row
    it saw as missing was inserted meanwhile). ``Writer.run`` rolls the transaction back
    and runs the command again, as it does after a serialization failure."""


def violated_unique_constraint(exc: IntegrityError) -> str | None:
    """The name of the unique constraint (or index) a failed write violated, if that was
    the failure."""
    if getattr(exc.orig, "sqlstate", None) != "23505":
        return None
    return getattr(getattr(exc.orig, "__cause__", None), "constraint_name", None)


def service_metadata() -> MetaData:
    """A fresh MetaData with the project's constraint naming conventions.

    Each service declares its own ``Base`` on one of these, so two services may both have
    (say) an ``initiatives`` table when imported into one process, as in tests.
    """
    return MetaData(naming_convention=NAMING_CONVENTION)


class LibraryBase(DeclarativeBase):
    """The shared library's own tables (outbox, inbox, idempotency keys), which every
    service's database holds beside its own."""

    metadata = service_metadata()


class TenantScoped:
    """Columns of every row a tenant owns: its id and the tenant (the scope of every
    lookup, ``backbone.repository``)."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    tenant: Mapped[str] = mapped_column(String(100), index=True)


class TenantEntity(TenantScoped):
    """Columns every tenant-owned, versioned entity carries.

    ``version`` increases on every update and is the entity's ETag; ``updated_at`` feeds
    ``updated_since`` and the list cursors.
    """

    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, server_default=func.now()
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, server_default=func.now(), index=True
    )

    def touch(self) -> None:
        """Mark a change: bump the version (the ETag) and the modification time."""
        self.version += 1
        self.updated_at = utcnow()


def create_engine(settings: BaseServiceSettings) -> AsyncEngine:
    return create_async_engine(
        settings.sqlalchemy_url,
        pool_size=settings.database_pool_size,
        max_overflow=settings.database_max_overflow,
        pool_pre_ping=settings.database_pool_pre_ping,
        pool_recycle=settings.database_pool_recycle_s,
    )


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


def create_read_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions for reads, in autocommit on the same pool: one statement is one round trip
    (no BEGIN before it, no ROLLBACK when the session closes). Never write through them."""
    return async_sessionmaker(engine.execution_options(isolation_level="AUTOCOMMIT"),
                              expire_on_commit=False)


SessionFactory = Callable[[], AbstractAsyncContextManager[AsyncSession]]
"""Anything that opens a session with ``async with factory() as session``."""


async def autocommitted(session: AsyncSession) -> AsyncConnection:
    """The new session's connection in autocommit: a statement is its own transaction, sent
    in one round trip (no BEGIN, no COMMIT). Only for a write that is one statement; call
    before anything else runs in the session."""
    return await session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})


class FairSessions:
    """Opens sessions in arrival order, at most as many at once as the pool has connections.

    SQLAlchemy's pool lets a newly arriving caller take a returned connection ahead of the
    callers already waiting, so under load some requests waited seconds (p99 of 3-4 s at
    p50 18 ms). Queueing on a FIFO semaphore first keeps waits fair.
    """

    def __init__(self, maker: async_sessionmaker[AsyncSession], limit: asyncio.Semaphore) -> None:
        self._maker = maker
        self._limit = limit

    @asynccontextmanager
    async def __call__(self) -> AsyncIterator[AsyncSession]:
        async with self._limit, self._maker() as session:
            yield session
