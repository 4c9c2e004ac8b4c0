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
from collections.abc import Sequence
from pathlib import Path

import asyncpg
import sqlalchemy as sa
from alembic import command, context, op
from alembic.config import Config
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import create_async_engine

from backbone.db import ALL_TENANTS, TENANT_SETTING, LibraryBase
from backbone.events.outbox import DROP_NOTIFY_TRIGGER_DDL, NOTIFY_TRIGGER_DDL
from backbone.service import ServiceSpec
from backbone.settings import BaseServiceSettings

# The library's tables, declared on LibraryBase: import them for autogenerate.
from backbone.events import inbox, outbox  # noqa: F401  # isort: skip
from backbone.http import idempotency, ratelimit  # noqa: F401  # isort: skip

MIGRATION_LOCK_KEY = 0x6D69677261746521  # serialises concurrent upgrades of one database
ROLE_LOCK_KEY = 0x726F6C6573212121  # serialises making roles (on the server's postgres db)
POLICY = "tenant_isolation"
TENANT_RULE = (f"tenant = current_setting('{TENANT_SETTING}', true) "
               f"OR current_setting('{TENANT_SETTING}', true) = '{ALL_TENANTS}'")
"""The rows a connection may see and write: its tenant's, or all for work across tenants."""
LIBRARY_VERSIONS = Path(__file__).parent / "schema"


async def ensure_database(settings: BaseServiceSettings) -> None:
    """Create the service's database, and the role it runs as, on the server if they do
    not exist yet (as the owner, who needs CREATEDB and CREATEROLE for that; where an
    operator made them beforehand, neither is needed)."""
    server = make_url(settings.owner_asyncpg_dsn).set(database="postgres")
    conn = await asyncpg.connect(server.render_as_string(hide_password=False))
    try:
        name = settings.effective_database_name
        if not await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            await conn.execute(f'CREATE DATABASE "{name}"')
        async with conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", ROLE_LOCK_KEY)
            if not await conn.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1",
                                       settings.app_user):
                password = settings.database_app_password
                await conn.execute(await conn.fetchval(
                    "SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD %L',"
                    " $1::text, $2::text)", settings.app_user,
                    password.get_secret_value() if password is not None else None))
    finally:
        await conn.close()


async def secure_database(settings: BaseServiceSettings) -> None:
    """Let the service's role use the tables, owning none of them, and put every table
    with a ``tenant`` column under row-level security (forced on the owner too): a query
    sees and writes only the rows of the tenant its transaction names (``backbone.db``)."""
    conn = await asyncpg.connect(settings.owner_asyncpg_dsn)
    try:
        async with conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK_KEY)
            grants = [
                "GRANT CONNECT ON DATABASE %I TO %I",
                "GRANT USAGE ON SCHEMA public TO %2$I",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %2$I",
                "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %2$I",
                # and what the owner makes later (until the next upgrade secures it)
                "ALTER DEFAULT PRIVILEGES IN SCHEMA public "
                "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %2$I",
            ]
            if await conn.fetchval("SELECT to_regclass('public.alembic_version')"):
                grants.append("REVOKE ALL ON TABLE alembic_version FROM %2$I")
            for grant in grants:
                await conn.execute(await conn.fetchval(
                    f"SELECT format('{grant}', current_database(), $1::text)",
                    settings.app_user))
            tenant_tables = await conn.fetch(
                "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, "
                "EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid "
                "AND p.polname = $1) AS has_policy "
                "FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
                "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' "
                "AND a.attname = 'tenant' AND NOT a.attisdropped", POLICY)
            for table in tenant_tables:
                name = table["relname"]
                if not table["relrowsecurity"]:
                    await conn.execute(f'ALTER TABLE "{name}" ENABLE ROW LEVEL SECURITY')
                if not table["relforcerowsecurity"]:
                    await conn.execute(f'ALTER TABLE "{name}" FORCE ROW LEVEL SECURITY')
                if not table["has_policy"]:
                    await conn.execute(f'CREATE POLICY {POLICY} ON "{name}" '
                                       f"USING ({TENANT_RULE}) WITH CHECK ({TENANT_RULE})")
    finally:
        await conn.close()


def alembic_config(settings: BaseServiceSettings, spec: ServiceSpec) -> Config:
    config = Config()
    config.set_main_option("script_location", str(spec.migrations))
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", os.pathsep.join(
        [str(spec.migrations / "versions"), str(LIBRARY_VERSIONS),
         *(str(model.versions) for model in spec.read_models)]))
    config.set_main_option("sqlalchemy.url",
                           settings.owner_sqlalchemy_url.replace("%", "%%"))
    config.attributes["metadata"] = [LibraryBase.metadata,
                                     *(model.metadata for model in spec.read_models)]
    return config


def upgrade(settings: BaseServiceSettings, spec: ServiceSpec) -> None:
    """Create the database and role if needed, upgrade every branch (the service's, the
    library's and its read models') to their heads, and secure what they made (blocking;
    run in a thread)."""
    asyncio.run(ensure_database(settings))
    command.upgrade(alembic_config(settings, spec), "heads")
    asyncio.run(secure_database(settings))


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
        # Row-level security is forced on the owner too: data migrations see every tenant.
        connection.execute(sa.select(sa.func.set_config(TENANT_SETTING, ALL_TENANTS, True)))
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


ListIndex = tuple[str, str, Sequence[str]]
"""An index a list reads by (``backbone.listing``): its name, its table and the list's
scope columns, which ``updated_at`` and ``id`` follow."""
Replaced = tuple[str, str, str]
"""An index of one column that a list's index (led by that column) serves as well: its
name, its table and the column."""


def create_list_indexes(indexes: Sequence[ListIndex], replacing: Sequence[Replaced] = ()
                        ) -> None:
    """In a service's migration: the lists' indexes, then drop the ones they replace."""
    for name, table, scope in indexes:
        op.create_index(name, table, [*scope, "updated_at", "id"])
    for name, table, _ in replacing:
        op.drop_index(name, table_name=table)


def drop_list_indexes(indexes: Sequence[ListIndex], replacing: Sequence[Replaced] = ()
                      ) -> None:
    for name, table, column in replacing:
        op.create_index(name, table, [column])
    for name, table, _ in indexes:
        op.drop_index(name, table_name=table)
