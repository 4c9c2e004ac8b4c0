"""Database plumbing: the declarative base, engines and sessions, and the tenant each
session's statements are limited to.

Row-level security (set up by ``backbone.migrations``) shows the service's role only rows
whose ``tenant`` is the one the connection names in ``backbone.tenant``: a query that
forgets its tenant filter finds nothing of other tenants. Every session names its tenant
with ``in_tenant`` (``ALL_TENANTS`` for work across tenants: the relay, the workers); one
that names none sees no tenant's rows.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime

from sqlalchemy import (
    Connection,
    DateTime,
    MetaData,
    String,
    Uuid,
    bindparam,
    event,
    func,
    select,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, SessionTransaction, mapped_column

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


def violated_unique_constraint(exc: Exception) -> str | None:
    """The name of the unique constraint (or index) a failed write violated, if that was
    the failure: of a session's write (``IntegrityError``) or a row writer's (asyncpg's)."""
    if isinstance(exc, IntegrityError):
        if getattr(exc.orig, "sqlstate", None) != "23505":
            return None
        exc = getattr(exc.orig, "__cause__", None) or exc
    if getattr(exc, "sqlstate", None) != "23505":
        return None
    return getattr(exc, "constraint_name", None)


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


TENANT_SETTING = "backbone.tenant"
ALL_TENANTS = "*"
"""The scope of work across tenants (``*`` is no tenant's name: tokens may not carry it)."""
NO_TENANT = ""
_SCOPED = "backbone.scoped"  # session.info: the tenant set in the current transaction


# Built once: every transaction runs one of them, and building the statement each time had
# cost more CPU than running it.
_NAME_FOR_TRANSACTION = select(func.set_config(TENANT_SETTING, bindparam("tenant"), True))
_NAME_FOR_CONNECTION = select(func.set_config(TENANT_SETTING, bindparam("tenant"), False))


def _set_tenant(connection: Connection, tenant: str) -> None:
    """Name the tenant on the connection: for its transaction, or, in autocommit (where a
    transaction is one statement), for the connection, unless it names that one already."""
    autocommit = connection.get_execution_options().get("isolation_level") == "AUTOCOMMIT"
    if not autocommit:
        connection.execute(_NAME_FOR_TRANSACTION, {"tenant": tenant})
    elif connection.info.get(TENANT_SETTING) != tenant:
        connection.execute(_NAME_FOR_CONNECTION, {"tenant": tenant})
        connection.info[TENANT_SETTING] = tenant


class TenantSession(Session):
    """A session whose transactions name its tenant (``in_tenant``) as they begin."""


@event.listens_for(TenantSession, "after_begin")
def _name_the_tenant(session: Session, _: SessionTransaction, connection: Connection) -> None:
    tenant = session.info.get(TENANT_SETTING, NO_TENANT)
    _set_tenant(connection, tenant)
    session.info[_SCOPED] = tenant


@event.listens_for(TenantSession, "after_transaction_end")
def _forget_the_tenant(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_SCOPED, None)


async def in_tenant(session: AsyncSession, tenant: str) -> None:
    """Limit the session's statements to the tenant's rows (``ALL_TENANTS``: every row),
    from now on: its transactions name the tenant as they begin, and a transaction already
    under way names it at once."""
    session.info[TENANT_SETTING] = tenant
    if session.info.get(_SCOPED, tenant) != tenant:

        def name(sync: Session) -> None:
            _set_tenant(sync.connection(), tenant)
            sync.info[_SCOPED] = tenant

        await session.run_sync(name)


def create_engine(settings: BaseServiceSettings, *, as_owner: bool = False) -> AsyncEngine:
    """An engine as the role the service runs as, or (``as_owner``: for migrations and
    setting up tests) as the owner of its tables."""
    return create_async_engine(
        settings.owner_sqlalchemy_url if as_owner else settings.sqlalchemy_url,
        pool_size=settings.database_pool_size,
        max_overflow=settings.database_max_overflow,
        pool_pre_ping=settings.database_pool_pre_ping,
        pool_recycle=settings.database_pool_recycle_s,
    )


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, sync_session_class=TenantSession)


def create_read_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions for reads, in autocommit on the same pool: one statement is one round trip
    (no BEGIN before it, no ROLLBACK when the session closes). Never write through them."""
    return async_sessionmaker(engine.execution_options(isolation_level="AUTOCOMMIT"),
                              expire_on_commit=False, sync_session_class=TenantSession)


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

    The sessions name ``tenant`` (``in_tenant``) if one is given (``for_tenant``).
    """

    def __init__(self, maker: async_sessionmaker[AsyncSession], limit: asyncio.Semaphore,
                 tenant: str | None = None) -> None:
        self._maker = maker
        self._limit = limit
        self._info = {} if tenant is None else {TENANT_SETTING: tenant}

    def for_tenant(self, tenant: str) -> FairSessions:
        """The same sessions (sharing the queue), limited to the tenant's rows."""
        return FairSessions(self._maker, self._limit, tenant)

    @asynccontextmanager
    async def __call__(self) -> AsyncIterator[AsyncSession]:
        async with self._limit, self._maker(info=dict(self._info)) as session:
            yield session
