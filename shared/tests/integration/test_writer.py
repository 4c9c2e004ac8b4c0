"""Writer.run: a transaction aborted by a deadlock or overtaken by a concurrent write runs
again, a bounded number of times."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from types import SimpleNamespace

import asyncpg
import pytest
from prometheus_client import REGISTRY
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request

from backbone.auth.principal import Principal
from backbone.db import ConcurrentWriteError
from backbone.http.deps import ATTEMPTS, Writer


def _writer(sessionmaker: async_sessionmaker[AsyncSession]) -> Writer:
    app = SimpleNamespace(state=SimpleNamespace(sessionmaker=sessionmaker))
    request = Request({"type": "http", "method": "POST", "path": "/", "headers": [],
                       "app": app})
    return Writer(request, Principal(sub="tester", tenant="t"))


async def test_a_deadlock_victim_is_run_again_and_applied_once(
    sessionmaker: async_sessionmaker[AsyncSession], raw_db: asyncpg.Connection,
) -> None:
    await raw_db.execute("DROP TABLE IF EXISTS ledger")
    await raw_db.execute("CREATE TABLE ledger (id int PRIMARY KEY, n int NOT NULL)")
    await raw_db.execute("INSERT INTO ledger VALUES (1, 0), (2, 0)")
    both_hold_their_first_row = asyncio.Barrier(2)
    attempts = {1: 0, 2: 0}

    def touching(first: int, second: int) -> Callable[[AsyncSession], Awaitable[None]]:
        async def command(session: AsyncSession) -> None:
            attempts[first] += 1
            await session.execute(text("UPDATE ledger SET n = n + 1 WHERE id = :i"),
                                  {"i": first})
            if attempts[first] == 1:
                await both_hold_their_first_row.wait()  # now each waits for the other
            await session.execute(text("UPDATE ledger SET n = n + 1 WHERE id = :i"),
                                  {"i": second})
        return command

    before = _retries("deadlock")
    responses = await asyncio.gather(
        _writer(sessionmaker).run(touching(1, 2), None),
        _writer(sessionmaker).run(touching(2, 1), None),
    )
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
