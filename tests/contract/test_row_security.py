"""Defence in depth: each service runs as a role that owns none of its tables, and
row-level security shows a connection only the rows of the tenant it names. A query that
forgets its tenant filter, run through the service's own connection (its role, its pool),
finds nothing of any other tenant, and nothing at all when no tenant is named."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from backbone.db import ALL_TENANTS, TENANT_SETTING, create_engine
from backbone.settings import BaseServiceSettings

SERVICES = ("agenda", "measurement", "activities", "notifications")
TENANT_TABLES = sa.text(
    "SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
    "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' "
    "AND a.attname = 'tenant' ORDER BY 1")


@pytest.fixture(params=SERVICES)
async def connection(request: pytest.FixtureRequest,
                     server_settings: dict[str, BaseServiceSettings]
                     ) -> AsyncIterator[AsyncConnection]:
    """A connection of the service's own engine (its role), to its database."""
    engine = create_engine(server_settings[request.param])
    async with engine.connect() as conn:
        yield conn
    await engine.dispose()


async def _naming(conn: AsyncConnection, tenant: str) -> None:
    await conn.execute(sa.select(sa.func.set_config(TENANT_SETTING, tenant, True)))


async def test_the_service_role_owns_nothing_and_bypasses_nothing(
        connection: AsyncConnection) -> None:
    role = (await connection.execute(sa.text(
        "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user"))).one()
    assert tuple(role) == (False, False)
    # Temporary tables (a connection's staging table for bulk writes) aside: private to
    # the connection that made them, they hold no one else's rows and end with it.
    owned = (await connection.execute(sa.text(
        "SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles "
        "WHERE rolname = current_user) AND relpersistence <> 't'"))).scalar_one()
    assert owned == 0
    forced = (await connection.execute(sa.text(
        "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace "
        "AND relkind = 'r' AND relname IN (SELECT attrelid::regclass::text FROM pg_attribute "
        "WHERE attname = 'tenant') AND NOT (relrowsecurity AND relforcerowsecurity)"))).all()
    assert forced == []


async def test_a_query_without_a_tenant_filter_sees_only_the_named_tenant(
        connection: AsyncConnection, world: Any, intruder: Any) -> None:
    async with connection.begin():
        tables = list((await connection.execute(TENANT_TABLES)).scalars())
    assert tables
    seen: dict[str, dict[str, int]] = {}
    for tenant in (world.tenant.name, intruder.tenant.name, ""):
        async with connection.begin():
            await _naming(connection, tenant)
            for table in tables:
                rows = await connection.execute(sa.text(
                    f'SELECT tenant, count(*) FROM "{table}" GROUP BY tenant'))
                for name, count in rows:
                    assert name == tenant, (table, tenant, name)
                    seen.setdefault(tenant, {})[table] = count
    # The worlds' rows are there, each seen by its own tenant only, none by no tenant.
    assert seen[world.tenant.name]
    assert seen[intruder.tenant.name]
    assert "" not in seen
    async with connection.begin():
        await _naming(connection, ALL_TENANTS)
        total = 0
        for table in tables:
            total += (await connection.execute(sa.text(f'SELECT count(*) FROM "{table}"'))
                      ).scalar_one()
    assert total >= sum(seen[world.tenant.name].values()) + sum(
        seen[intruder.tenant.name].values())


async def test_a_row_of_another_tenant_cannot_be_written(
        connection: AsyncConnection, world: Any, intruder: Any) -> None:
    table = "outbox"  # every service has it
    async with connection.begin():
        await _naming(connection, world.tenant.name)
        changed = await connection.execute(sa.text(
            f"UPDATE {table} SET tenant = tenant WHERE tenant = :other"),
            {"other": intruder.tenant.name})
        assert changed.rowcount == 0  # not even found
        with pytest.raises(DBAPIError, match="row-level security"):
            await connection.execute(sa.text(
                f"UPDATE {table} SET tenant = :other WHERE tenant = :mine"),
                {"other": intruder.tenant.name, "mine": world.tenant.name})
