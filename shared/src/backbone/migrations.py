"""Alembic migrations, per service: applied at start-up or by ``backbone migrate <service>``.

Each service keeps its scripts in its package (``<service>/migrations``); its ``env.py``
calls :func:`run_env`. The library's own tables (outbox, inbox, idempotency keys) are
migrated by the library's own branch (``backbone/schema``, branch label ``backbone``),
which every service's migrations include: a change to them is written once, here, and
reaches every service's database at its next upgrade to ``heads``. The read models a
service keeps (``backbone.readmodels``) are branches of their own, included where declared.
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
from backbone.service import ServiceSpec
from backbone.settings import BaseServiceSettings

# The library's tables, declared on LibraryBase: import them for autogenerate.
from backbone.events import inbox, outbox  # noqa: F401  # isort: skip
from backbone.http import idempotency, ratelimit  # noqa: F401  # isort: skip

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


def alembic_config(settings: BaseServiceSettings, spec: ServiceSpec) -> Config:
    config = Config()
    config.set_main_option("script_location", str(spec.migrations))
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", os.pathsep.join(
        [str(spec.migrations / "versions"), str(LIBRARY_VERSIONS),
         *(str(model.versions) for model in spec.read_models)]))
    config.set_main_option("sqlalchemy.url", settings.sqlalchemy_url.replace("%", "%%"))
    config.attributes["metadata"] = [LibraryBase.metadata,
                                     *(model.metadata for model in spec.read_models)]
    return config


def upgrade(settings: BaseServiceSettings, spec: ServiceSpec) -> None:
    """Create the database if needed and upgrade every branch (the service's, the
    library's and its read models') to their heads (blocking; run in a thread)."""
    asyncio.run(ensure_database(settings))
    command.upgrade(alembic_config(settings, spec), "heads")


def run_env(metadata: sa.MetaData) -> None:
    """The body of every service's ``env.py`` (online mode, async engine, locked).

    The service's tables are ``metadata``; the library's own tables and those of the
    service's read models are added to them.
    """
    url = context.config.get_main_option("sqlalchemy.url")
    assert url is not None
    library = context.config.attributes.get("metadata", [LibraryBase.metadata])

    def migrate(connection: Connection) -> None:
        connection.execute(sa.text(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})"))
        context.configure(connection=connection,
                          target_metadata=[*library, metadata],
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
