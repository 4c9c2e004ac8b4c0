"""PostgreSQL's time by statement over part of a benchmark run (``pg_stat_statements``,
which the benchmark's server preloads): what the database's share was spent on. The
times are elapsed, not CPU: where the cores are busy they include waiting for one, so
they rank the statements rather than add up to the database's CPU."""

from __future__ import annotations

import re

import asyncpg

SETTINGS = {"shared_preload_libraries": "pg_stat_statements",
            "pg_stat_statements.track": "all"}
"""The server settings that collect the statistics (``harness.running``)."""

_TOP = """
SELECT query, calls, total_exec_time + total_plan_time AS ms
FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1)
ORDER BY ms DESC LIMIT $2
"""


class StatementTimes:
    """Reset, then read, the statistics of one database."""

    def __init__(self, dsn: str, database: str) -> None:
        """``dsn``: a superuser's (resetting the statistics needs one)."""
        self.dsn = dsn
        self.database = database

    async def _run(self, query: str, *args: object) -> list[asyncpg.Record]:
        conn = await asyncpg.connect(self.dsn)
        try:
            await conn.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
            return await conn.fetch(query, *args)
        finally:
            await conn.close()

    async def reset(self) -> None:
        await self._run("SELECT pg_stat_statements_reset()")

    async def report(self, count: int, top: int = 8) -> list[str]:
        """The statements that took most of the time since the reset: µs per item (of
        ``count``), how many times each ran, and the start of its text."""
        rows = await self._run(_TOP, self.database, top)
        return [f"{row['ms'] * 1000 / count:7.1f} µs  {row['calls']:>7,} calls  "
                f"{_label(row['query'])}" for row in rows]


def _label(query: str, width: int = 90) -> str:
    text = re.sub(r"\s+", " ", query).strip()
    return text if len(text) <= width else text[:width - 3] + "..."
