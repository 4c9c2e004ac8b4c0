"""Writes on the row pool (``backbone.rows``): one transaction of Core statements, with the
events it adds to the outbox, and no ORM session.

Through a session a small create spent half of its CPU in the session's lifecycle and the
ORM's unit of work (``docs/benchmarks.md``). A use case written here runs SQLAlchemy Core
statements, built from the same tables and compiled once, directly on asyncpg, as reads
do. ``Writer.run_rows`` (``backbone.http.deps``) runs one in a transaction with the same
guarantees as a session's: the outbox rows and the idempotency record commit with the
change, and a deadlock or a concurrent write runs it again.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
from sqlalchemy import Table, bindparam, insert, update

from backbone.consistency import emitted
from backbone.events.outbox import Outbox, OutboxMessage, write_messages
from backbone.events.registry import DomainEvent, EventType
from backbone.rows import RowReader, Rows, RowStatement

_INSERTS: dict[Table, RowStatement] = {}
_UPDATES: dict[tuple[Table, frozenset[str]], RowStatement] = {}


class RowWriter(RowReader):
    """The statements of one transaction, and the events it adds (written as it commits).

    ``info`` is the transaction's, as a session's is (``backbone.consistency`` notes there
    what it emitted)."""

    def __init__(self, connection: asyncpg.Connection, tenant: str) -> None:
        super().__init__(connection, tenant)
        self.info: dict[Any, Any] = {}
        self._events: list[OutboxMessage] = []

    async def execute(self, statement: RowStatement, params: Mapping[str, Any]) -> str:
        """Run an ``INSERT``, ``UPDATE`` or ``DELETE``; asyncpg's status (e.g. ``DELETE 2``)."""
        return str(await self._connection.execute(statement.sql,
                                                  *self._params(statement, params)))

    async def insert(self, table: Table, values: Mapping[str, Any]) -> None:
        """A row of the table; ``values`` names every column."""
        statement = _INSERTS.get(table)
        if statement is None:
            statement = _INSERTS[table] = RowStatement(insert(table).values(
                {c.name: bindparam(c.name) for c in table.columns}))
        await self.execute(statement, values)

    async def update(self, table: Table, id_: uuid.UUID, values: Mapping[str, Any]) -> None:
        """Set these columns of the row with this id."""
        key = (table, frozenset(values))
        statement = _UPDATES.get(key)
        if statement is None:
            statement = _UPDATES[key] = RowStatement(
                update(table).where(table.c.id == bindparam("id_"))
                .values({name: bindparam(name) for name in sorted(values)}))
        await self.execute(statement, {**values, "id_": id_})

    def emit(self, outbox: Outbox, event: DomainEvent) -> OutboxMessage:
        """Add the event to the transaction (written as it commits)."""
        message = outbox.message(event)
        self._events.append(message)
        emitted(self, message.key, message.type, message.id)
        return message

    def emit_state(self, outbox: Outbox, event_type: EventType, state: Mapping[str, Any],
                   initiative_id: uuid.UUID | None) -> OutboxMessage:
        """Publish an entity's state (its row's values, as stored) after the change."""
        payload = event_type.payload
        return self.emit(outbox, DomainEvent(
            event_type=event_type, tenant=self.tenant, subject=state["id"],
            initiative=initiative_id,
            data=payload.model_validate({k: state[k] for k in payload.model_fields
                                         if k in state})))

    async def _commit_events(self) -> None:
        if self._events:
            await write_messages(self._connection, self._events)


@asynccontextmanager
async def writing(rows: Rows, tenant: str) -> AsyncIterator[RowWriter]:
    """A transaction on a connection of the pool naming the tenant; the events the writer
    added are written before it commits, and nothing is if it rolls back."""
    async with rows.connection(tenant) as connection, connection.transaction():
        writer = RowWriter(connection, tenant)
        yield writer
        await writer._commit_events()
