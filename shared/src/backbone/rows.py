"""Single-row reads on a plain asyncpg pool: the path for ``GET`` of one entity by id.

Writes, lists and any read that assembles several tables go through SQLAlchemy sessions
(``backbone.db``). Reading one row by key needs none of the ORM's unit of work, and its
cost per request was most of a GET's (measured in ``docs/benchmarks.md``): here the
statement is still SQLAlchemy Core, built from the same table definitions, but compiled
once and run directly on asyncpg. The column types' result processors are applied, so a
row holds the values the ORM would have loaded.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import asyncpg
from sqlalchemy import Column, Select
from sqlalchemy.dialects.postgresql.asyncpg import PGDialect_asyncpg

from backbone.db import TenantScoped
from backbone.errors import NotFound
from backbone.repository import by_id
from backbone.settings import BaseServiceSettings

_DIALECT = PGDialect_asyncpg()
Processor = Callable[[Any], Any]


class RowQuery:
    """A Core ``SELECT`` of whole columns, compiled once to asyncpg's SQL.

    Rows are keyed by column name. Result processors depend on the type the server reports
    for each column (e.g. numeric or double precision behind a ``Float``), so they are
    looked up on first use.
    """

    def __init__(self, stmt: Select[Any]) -> None:
        compiled = stmt.compile(dialect=_DIALECT)
        self.sql = compiled.string
        self.params: Sequence[str] = compiled.positiontup or ()
        self.columns: list[Column[Any]] = [c for c in stmt.selected_columns
                                           if isinstance(c, Column)]
        self.processors: dict[str, Processor] | None = None

    def bind_types(self, attributes: Sequence[Any]) -> None:
        processors: dict[str, Processor] = {}
        for column, attribute in zip(self.columns, attributes, strict=True):
            processor = column.type._cached_result_processor(_DIALECT, attribute.type.oid)
            if processor is not None:
                processors[column.name] = processor
        self.processors = processors


async def _json_codecs(connection: asyncpg.Connection) -> None:
    for name in ("json", "jsonb"):
        await connection.set_type_codec(name, schema="pg_catalog", encoder=json.dumps,
                                        decoder=json.loads)


async def _nothing_to_reset(_: asyncpg.Connection) -> None:
    """These connections only run single autocommit SELECTs: no session state to reset.

    asyncpg's default reset runs one more query (``RESET ALL``, ``UNLISTEN *``, ...) on
    every release, a round trip per read; it still rolls back a transaction left open.
    """


class Rows:
    """The service's pool for single-row reads (autocommit: one round trip per read).

    Callers queue on a FIFO semaphore before the pool, as ``FairSessions`` does, because
    asyncpg hands a released connection to whoever asks next, not to the longest waiter.
    """

    def __init__(self, pool: asyncpg.Pool, size: int) -> None:
        self._pool = pool
        self._limit = asyncio.Semaphore(size)
        self._by_id: dict[type[TenantScoped], RowQuery] = {}

    @classmethod
    async def open(cls, settings: BaseServiceSettings) -> Rows:
        size = settings.database_read_pool_size
        pool = await asyncpg.create_pool(settings.asyncpg_dsn, min_size=0, max_size=size,
                                         init=_json_codecs, reset=_nothing_to_reset)
        return cls(pool, size)

    async def close(self) -> None:
        await self._pool.close()

    async def one(self, query: RowQuery, params: Mapping[str, Any]) -> dict[str, Any] | None:
        async with self._limit, self._pool.acquire() as connection:
            if query.processors is None:
                query.bind_types((await connection.prepare(query.sql)).get_attributes())
            row = await connection.fetchrow(query.sql, *[params[p] for p in query.params])
        if row is None:
            return None
        values = dict(row)
        for key, processor in (query.processors or {}).items():
            values[key] = processor(values[key])
        return values

    async def owned(self, model: type[TenantScoped], tenant: str, id_: uuid.UUID,
                    what: str) -> dict[str, Any]:
        """The entity's row, if it is in this tenant; otherwise a 404, as
        ``repository.get_owned`` gives."""
        query = self._by_id.get(model)
        if query is None:
            query = self._by_id[model] = RowQuery(by_id(model))
        row = await self.one(query, {"id": id_, "tenant": tenant})
        if row is None:
            raise NotFound.of(what, getattr(model, "NOT_FOUND_HINT", ""))
        return row
