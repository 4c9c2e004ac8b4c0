"""Alembic migrations, per service: applied at start-up or by ``backbone migrate <service>``.

Each service keeps its scripts in its package (``<service>/migrations``); its ``env.py``
calls :func:`run_env`. The library's own tables (outbox, inbox, idempotency keys) are
migrated by the library's own branch (``backbone/schema``, branch label ``backbone``),
which every service's migrations include: a change to them is written once, here, and
reaches every service's database at its next upgrade to ``heads``.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import asyncpg
import sqlalchemy as sa
from alembic import command, context, op
from alembic.config import Config
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import create_async_engine

from backbone.db import LibraryBase
from backbone.events.outbox import DROP_NOTIFY_TRIGGER_DDL, NOTIFY_TRIGGER_DDL
from backbone.settings import BaseServiceSettings

# The library's tables, declared on LibraryBase: import them for autogenerate.
from backbone.events import inbox, outbox  # noqa: F401  # isort: skip
from backbone.http import idempotency  # noqa: F401  # isort: skip

MIGRATION_LOCK_KEY = 0x6D69677261746521  # serialises concurrent upgrades of one database
LIBRARY_VERSIONS = Path(__file__).parent / "schema"


async def ensure_database(settings: BaseServiceSettings) -> None:
    """Create the service's database on the server if it does not exist yet."""
    server = make_url(settings.asyncpg_dsn).set(database="postgres")
    conn = await asyncpg.connect(server.render_as_string(hide_password=False))
    try:
        name = settings.effective_database_name
        if not await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


def alembic_config(settings: BaseServiceSettings, script_location: Path) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location))
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", os.pathsep.join(
        [str(script_location / "versions"), str(LIBRARY_VERSIONS)]))
    config.set_main_option("sqlalchemy.url", settings.sqlalchemy_url.replace("%", "%%"))
    return config


def upgrade(settings: BaseServiceSettings, script_location: Path) -> None:
    """Create the database if needed and upgrade both branches (the service's and the
    library's) to their heads (blocking; run in a thread)."""
    asyncio.run(ensure_database(settings))
    command.upgrade(alembic_config(settings, script_location), "heads")


def run_env(metadata: sa.MetaData) -> None:
    """The body of every service's ``env.py`` (online mode, async engine, locked).

    The service's tables are ``metadata``; the library's own tables are added to them.
    """
    url = context.config.get_main_option("sqlalchemy.url")
    assert url is not None

    def migrate(connection: Connection) -> None:
        connection.execute(sa.text(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})"))
        context.configure(connection=connection,
                          target_metadata=[LibraryBase.metadata, metadata],
                          transaction_per_migration=False)
        with context.begin_transaction():
            context.run_migrations()

    async def run() -> None:
        engine = create_async_engine(url, poolclass=sa.pool.NullPool)
        async with engine.begin() as conn:
            await conn.run_sync(migrate)
        await engine.dispose()

    asyncio.run(run())


def install_outbox_notify() -> None:
    """In a service's migration: the outbox trigger that wakes the relay at commit."""
    for statement in NOTIFY_TRIGGER_DDL:
        op.execute(statement)


def remove_outbox_notify() -> None:
    for statement in DROP_NOTIFY_TRIGGER_DDL:
        op.execute(statement)
