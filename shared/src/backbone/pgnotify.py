"""PostgreSQL ``NOTIFY``/``LISTEN``: how one transaction wakes work waiting elsewhere.

``notify`` sends once the session's transaction commits (never for one rolled back);
``listening`` holds a connection of its own that hears a channel, for a worker's whole
run. Listeners treat a notification as a hint to look now; what to do is in the tables.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import asyncpg
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.settings import BaseServiceSettings

_NOTIFY = text("SELECT pg_notify(:channel, p) FROM unnest(CAST(:payloads AS text[])) p")


async def notify(session: AsyncSession, channel: str, *payloads: str) -> None:
    """At commit, one notification per payload (one with an empty payload if none)."""
    await session.execute(_NOTIFY, {"channel": channel, "payloads": list(payloads) or [""]})


@asynccontextmanager
async def listening(settings: BaseServiceSettings, channel: str,
                    heard: Callable[[str], None]) -> AsyncIterator[asyncpg.Connection]:
    """``heard(payload)`` for each notification on ``channel`` while inside."""
    connection = await asyncpg.connect(settings.asyncpg_dsn)
    try:
        await connection.add_listener(channel, lambda *args: heard(args[-1]))
        yield connection
    finally:
        await connection.close(timeout=2)
