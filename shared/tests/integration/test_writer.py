"""Writer.run and Writer.run_rows: a transaction aborted by a deadlock or overtaken by a
concurrent write runs again, a bounded number of times; a row writer's events and
idempotency record commit with its change, or not at all."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from types import SimpleNamespace
from typing import Any

import asyncpg
import pytest
from prometheus_client import REGISTRY
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import Response

from backbone import consistency
from backbone.auth.principal import Principal
from backbone.db import ConcurrentWriteError
from backbone.errors import Invalid
from backbone.events.outbox import Outbox
from backbone.events.registry import DomainEvent, EventPayload, EventRegistry
from backbone.http.deps import ATTEMPTS, Writer
from backbone.rows import Rows, RowStatement
from backbone.rowwrites import RowWriter
from backbone.settings import BaseServiceSettings


@pytest.fixture
async def rows(lib_settings: BaseServiceSettings) -> AsyncIterator[Rows]:
    rows = await Rows.open(lib_settings)
    yield rows
    await rows.close()


def _writer(sessionmaker: async_sessionmaker[AsyncSession], rows: Rows | None = None,
            body: bytes = b"", key: str | None = None) -> Writer:
    app = SimpleNamespace(state=SimpleNamespace(sessionmaker=sessionmaker, rows=rows))
    headers = [] if key is None else [(b"idempotency-key", key.encode())]

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": body, "more_body": False}

    request = Request({"type": "http", "method": "POST", "path": "/", "headers": headers,
                       "app": app}, receive)
    return Writer(request, Principal(sub="tester", tenant="t"))


_BUMP_IN_SESSION = text("UPDATE ledger SET n = n + 1 WHERE id = :i")
_BUMP = RowStatement(_BUMP_IN_SESSION)


@pytest.mark.parametrize("on_rows", [False, True], ids=["session", "rows"])
async def test_a_deadlock_victim_is_run_again_and_applied_once(
    sessionmaker: async_sessionmaker[AsyncSession], raw_db: asyncpg.Connection, rows: Rows,
    on_rows: bool,
) -> None:
    await raw_db.execute("DROP TABLE IF EXISTS ledger")
    await raw_db.execute("CREATE TABLE ledger (id int PRIMARY KEY, n int NOT NULL)")
    await raw_db.execute("INSERT INTO ledger VALUES (1, 0), (2, 0)")
    both_hold_their_first_row = asyncio.Barrier(2)
    attempts = {1: 0, 2: 0}

    async def bump(transaction: AsyncSession | RowWriter, i: int) -> None:
        if isinstance(transaction, RowWriter):
            await transaction.execute(_BUMP, {"i": i})
        else:
            await transaction.execute(_BUMP_IN_SESSION, {"i": i})

    def touching(first: int, second: int) -> Callable[[Any], Awaitable[None]]:
        async def command(transaction: AsyncSession | RowWriter) -> None:
            attempts[first] += 1
            await bump(transaction, first)
            if attempts[first] == 1:
                await both_hold_their_first_row.wait()  # now each waits for the other
            await bump(transaction, second)
        return command

    def run(command: Callable[[Any], Awaitable[None]]) -> Awaitable[Response]:
        writer = _writer(sessionmaker, rows)
        return writer.run_rows(command, None) if on_rows else writer.run(command, None)

    before = _retries("deadlock")
    responses = await asyncio.gather(run(touching(1, 2)), run(touching(2, 1)))
    assert [r.status_code for r in responses] == [204, 204]
    assert sorted(attempts.values()) == [1, 2]  # one was the deadlock's victim, run again
    assert _retries("deadlock") == before + 1
    rows = await raw_db.fetch("SELECT id, n FROM ledger ORDER BY id")
    assert [(r["id"], r["n"]) for r in rows] == [(1, 2), (2, 2)]  # each change applied once


async def test_a_command_overtaken_every_time_gives_up_after_the_last_attempt(
    sessionmaker: async_sessionmaker[AsyncSession], raw_db: asyncpg.Connection,
) -> None:
    await raw_db.execute("DROP TABLE IF EXISTS tries")
    await raw_db.execute("CREATE TABLE tries (n int NOT NULL)")
    attempts = 0

    async def overtaken(session: AsyncSession) -> None:
        nonlocal attempts
        attempts += 1
        await session.execute(text("INSERT INTO tries VALUES (1)"))
        raise ConcurrentWriteError("someone else got there first")

    before = _retries("concurrent_write")
    with pytest.raises(ConcurrentWriteError):
        await _writer(sessionmaker).run(overtaken, None)
    assert attempts == ATTEMPTS
    assert _retries("concurrent_write") == before + ATTEMPTS - 1
    assert await raw_db.fetchval("SELECT count(*) FROM tries") == 0  # every attempt rolled back


def _retries(reason: str) -> float:
    return REGISTRY.get_sample_value("backbone_transaction_retries_total",
                                     {"reason": reason}) or 0.0


class Noted(EventPayload):
    n: int


async def test_a_row_writers_events_and_stored_response_commit_with_its_change(
    sessionmaker: async_sessionmaker[AsyncSession], raw_db: asyncpg.Connection, rows: Rows,
    lib_settings: BaseServiceSettings,
) -> None:
    """The row, its event and the idempotency record are written together; a failure after
    them leaves none of them; a retry with the key gets the stored response."""
    await raw_db.execute("DROP TABLE IF EXISTS notes")
    await raw_db.execute("CREATE TABLE notes (n int PRIMARY KEY)")
    registry = EventRegistry(lib_settings.service_name)
    noted = registry.define("note.added", Noted, "test")
    outbox = Outbox(registry)
    add = RowStatement(text("INSERT INTO notes VALUES (:n)"))

    def adding(n: int, fail: bool = False) -> Callable[[RowWriter], Awaitable[Noted]]:
        async def command(writer: RowWriter) -> Noted:
            await writer.execute(add, {"n": n})
            writer.emit(outbox, DomainEvent(noted, "t", uuid.uuid4(), None, Noted(n=n)))
            if fail:
                raise Invalid("refused after writing")
            return Noted(n=n)
        return command

    async def stored() -> tuple[list[int], list[str]]:
        notes = [r["n"] for r in await raw_db.fetch("SELECT n FROM notes ORDER BY n")]
        events = [r["payload"] for r in await raw_db.fetch(
            "SELECT payload::text FROM outbox WHERE topic = $1 ORDER BY seq", registry.topic)]
        return notes, events

    with pytest.raises(Invalid):
        await _writer(sessionmaker, rows).run_rows(adding(1, fail=True), Noted)
    assert await stored() == ([], [])

    body = b'{"n": 2}'
    first = await _writer(sessionmaker, rows, body, key="k").run_rows(
        adding(2), Noted, status_code=201, idempotency_key="k")
    assert first.status_code == 201
    assert consistency.HEADER.lower() in first.headers  # names the event it emitted
    again = await _writer(sessionmaker, rows, body, key="k").run_rows(
        adding(2), Noted, status_code=201, idempotency_key="k")
    assert (again.status_code, again.body) == (201, first.body)
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.headers[consistency.HEADER] == first.headers[consistency.HEADER]
    assert await stored() == ([2], ['{"n": 2}'])
