"""Statements on a plain asyncpg pool: ``GET`` of one entity by id, every list
(``backbone.listing``), reads that fetch whole sets of rows to compute something from
them (the activities views), and the writes of ``backbone.rowwrites``.

Other writes and most reads that assemble several tables go through SQLAlchemy sessions
(``backbone.db``). Reading rows by a Core statement needs none of the ORM's unit of work,
and its cost per request was most of a GET's (measured in ``docs/benchmarks.md``): here
the statement is still SQLAlchemy Core, built from the same table definitions, but
compiled once and run directly on asyncpg. The column types' result processors are
applied where they change a value, so a row holds the values the ORM would have loaded.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any, cast

import asyncpg
from sqlalchemy import ARRAY, ColumnElement, Select
from sqlalchemy.dialects.postgresql.asyncpg import PGDialect_asyncpg
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

from backbone.db import TENANT_SETTING, TenantScoped
from backbone.errors import NotFound
from backbone.repository import by_id
from backbone.settings import BaseServiceSettings

_DIALECT = PGDialect_asyncpg()
Processor = Callable[[Any], Any]


class RowStatement:
    """A Core statement compiled once to asyncpg's SQL.

    Parameters are the statement's bind parameters without a value, by name, passed as
    asyncpg takes them (JSON as Python values: the pool encodes it)."""

    def __init__(self, stmt: ClauseElement) -> None:
        compiled = cast(SQLCompiler, stmt.compile(dialect=_DIALECT))
        self.sql = compiled.string
        self.params: Sequence[str] = compiled.positiontup or ()
        self.fixed = {name: bind.effective_value for name, bind in compiled.binds.items()
                      if not bind.required}
        """Values written into the statement (e.g. ``status == "open"``), bound as parameters."""


class RowQuery(RowStatement):
    """A Core ``SELECT`` of columns (or labelled expressions), compiled once to asyncpg's SQL.

    Rows are keyed by column name (or label).
    Result processors depend on the type the server reports for each column (e.g. numeric
    or double precision behind a ``Float``), so they are looked up on first use.
    """

    def __init__(self, stmt: Select[Any]) -> None:
        super().__init__(stmt)
        self.columns: list[ColumnElement[Any]] = list(stmt.selected_columns)
        self.names = [c.name for c in self.columns]
        self.processors: dict[str, Processor] | None = None

    def bind_types(self, attributes: Sequence[Any]) -> None:
        processors: dict[str, Processor] = {}
        for column, attribute in zip(self.columns, attributes, strict=True):
            if _decoded_as_loaded(column):
                continue
            processor = column.type._cached_result_processor(_DIALECT, attribute.type.oid)
            if processor is not None:
                processors[column.name] = processor
        self.processors = processors


def _decoded_as_loaded(column: ColumnElement[Any]) -> bool:
    """An array whose items need no processing: asyncpg's list is what the ORM loads (its
    processor would only copy it)."""
    item = getattr(column.type, "item_type", None)
    return isinstance(column.type, ARRAY) and item is not None and \
        item._cached_result_processor(_DIALECT, 0) is None


_BY_ID: dict[tuple[type[TenantScoped], bool], RowQuery] = {}


class RowReader:
    """Statements run one after the other on one connection of the pool."""

    def __init__(self, connection: asyncpg.Connection, tenant: str) -> None:
        self._connection = connection
        self.tenant = tenant

    async def _prepared(self, query: RowQuery) -> None:
        if query.processors is None:
            query.bind_types((await self._connection.prepare(query.sql)).get_attributes())

    def _params(self, query: RowStatement, params: Mapping[str, Any]) -> list[Any]:
        return [params[p] if p in params else query.fixed[p] for p in query.params]

    async def one(self, query: RowQuery, params: Mapping[str, Any]) -> dict[str, Any] | None:
        await self._prepared(query)
        row = await self._connection.fetchrow(query.sql, *self._params(query, params))
        if row is None:
            return None
        values = dict(row)
        for key, processor in (query.processors or {}).items():
            values[key] = processor(values[key])
        return values

    async def owned(self, model: type[TenantScoped], id_: uuid.UUID,
                    what: str, *, lock: bool = False) -> dict[str, Any]:
        """The entity's row, if it is in the reader's tenant; otherwise a 404. ``lock``
        (in a writer's transaction): as ``repository.get_owned`` locks it."""
        query = _BY_ID.get((model, lock))
        if query is None:
            query = _BY_ID[(model, lock)] = RowQuery(by_id(model, lock))
        row = await self.one(query, {"id": id_})
        if row is None or row["tenant"] != self.tenant:
            raise NotFound.of(what, getattr(model, "NOT_FOUND_HINT", ""))
        return row

    async def dicts(self, query: RowQuery, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The rows, each keyed by column name."""
        return [dict(zip(query.names, row, strict=True))
                for row in await self.all(query, params)]

    async def all(self, query: RowQuery, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        """The rows, each a sequence of the selected columns' values."""
        await self._prepared(query)
        rows = await self._connection.fetch(query.sql, *self._params(query, params))
        processors = query.processors
        if not processors:
            return rows
        at = [(i, processors[name]) for i, name in enumerate(query.names) if name in processors]
        out = []
        for row in rows:
            values = list(row)
            for i, processor in at:
                values[i] = processor(values[i])
            out.append(values)
        return out


class TenantConnection(asyncpg.Connection):
    """A connection that remembers the tenant it names (``backbone.db``'s row-level
    security), so that a read names it only when it changes."""

    tenant: str | None = None

    async def name_tenant(self, tenant: str) -> None:
        if self.tenant != tenant:
            # Unknown until the server answers: a call cancelled after the server set it
            # must not leave the previous tenant remembered (the next use for that tenant
            # would not name it again, and would see this one's rows).
            self.tenant = None
            await self.fetchval("SELECT set_config($1, $2, false)", TENANT_SETTING, tenant)
            self.tenant = tenant


async def _json_codecs(connection: asyncpg.Connection) -> None:
    for name in ("json", "jsonb"):
        await connection.set_type_codec(name, schema="pg_catalog", encoder=json.dumps,
                                        decoder=json.loads)


async def _nothing_to_reset(_: asyncpg.Connection) -> None:
    """These connections hold no session state but the tenant they name (which each use
    names again if it differs), so there is nothing to reset.

    asyncpg's default reset runs one more query (``RESET ALL``, ``UNLISTEN *``, ...) on
    every release, a round trip per read; it still rolls back a transaction left open.
    """


class Rows:
    """The service's pool for reads (autocommit: one round trip per read) and row writes
    (``backbone.rowwrites``: a transaction each).

    Callers queue on a FIFO semaphore before the pool, as ``FairSessions`` does, because
    asyncpg hands a released connection to whoever asks next, not to the longest waiter.
    """

    def __init__(self, pool: asyncpg.Pool, size: int) -> None:
        self._pool = pool
        self._limit = asyncio.Semaphore(size)

    @classmethod
    async def open(cls, settings: BaseServiceSettings) -> Rows:
        size = settings.database_read_pool_size
        pool = await asyncpg.create_pool(settings.asyncpg_dsn, min_size=0, max_size=size,
                                         init=_json_codecs, reset=_nothing_to_reset,
                                         connection_class=TenantConnection)
        return cls(pool, size)

    async def close(self) -> None:
        await self._pool.close()

    @asynccontextmanager
    async def connection(self, tenant: str) -> AsyncIterator[TenantConnection]:
        """A connection of the pool, in its turn, naming the tenant (outside any
        transaction, so that no rollback can undo it): for a reader, or a writer
        (``backbone.rowwrites``)."""
        async with self._limit, self._pool.acquire() as connection:
            await connection.name_tenant(tenant)
            yield connection

    @asynccontextmanager
    async def reader(self, tenant: str) -> AsyncIterator[RowReader]:
        """A connection for several statements of the tenant's rows (in autocommit: each
        sees what was committed when it ran)."""
        async with self.connection(tenant) as connection:
            yield RowReader(connection, tenant)

    async def owned(self, model: type[TenantScoped], tenant: str, id_: uuid.UUID,
                    what: str) -> dict[str, Any]:
        """The entity's row, if it is in this tenant; otherwise a 404, as
        ``repository.get_owned`` gives."""
        async with self.reader(tenant) as reader:
            return await reader.owned(model, id_, what)
