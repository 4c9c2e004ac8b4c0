"""Staging tables: rows copied into PostgreSQL with COPY, then written set-based.

A bulk write (a batch of ten thousand observations) sends its rows once, in COPY's binary
format, into a temporary table of its connection, and its statements read them from
there: no array per column bound as a parameter, and no per-row statement. The table lives
as long as its connection, private to it, and is emptied when each transaction ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import asyncpg
from sqlalchemy.ext.asyncio import AsyncSession


async def driver_connection(session: AsyncSession) -> asyncpg.Connection:
    """The asyncpg connection under the session's transaction, for what SQLAlchemy does not
    speak (COPY). What is sent on it is part of that transaction."""
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    driver: asyncpg.Connection = raw.driver_connection
    if not driver.is_in_transaction():
        # SQLAlchemy's adapter begins the transaction with the first statement it sends.
        await connection.exec_driver_sql("SELECT 1")
        if not driver.is_in_transaction():
            raise RuntimeError("the session is in autocommit: it has no transaction to share")
    return driver


class StagingTable:
    """A temporary table named ``name``: ``columns`` (name and SQL type pairs) are copied
    in, ``generated`` ones (name and definition, say ``uuid DEFAULT gen_random_uuid()``)
    take their defaults."""

    def __init__(self, name: str, columns: Sequence[tuple[str, str]],
                 generated: Sequence[tuple[str, str]] = ()) -> None:
        self.name = name
        self.columns = [column for column, _ in columns]
        definition = ", ".join(f"{column} {type_}" for column, type_ in [*columns, *generated])
        # Created once per connection; emptied here too, in case one transaction stages
        # twice. One round trip: a simple-protocol script of two statements.
        self._prepare = (f"CREATE TEMPORARY TABLE IF NOT EXISTS {name} ({definition}) "
                         f"ON COMMIT DELETE ROWS; DELETE FROM {name}")

    async def fill(self, session: AsyncSession, records: Iterable[tuple[Any, ...]]
                   ) -> asyncpg.Connection:
        """Copy ``records`` (tuples in the order of the columns) into the table, in the
        session's transaction; returns the connection, for statements reading them."""
        connection = await driver_connection(session)
        await connection.execute(self._prepare)
        await connection.copy_records_to_table(self.name, records=records,
                                               columns=self.columns)
        return connection
