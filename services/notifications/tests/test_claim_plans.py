"""The workers' claims stay index lookups after their tables grow, whatever plan PostgreSQL
cached for them while the tables were empty (each worker's connection prepares its claim
when the service starts, usually on empty tables)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import asyncpg
import pytest
from sqlalchemy import TextClause
from sqlalchemy.dialects.postgresql.asyncpg import PGDialect_asyncpg
from sqlalchemy.engine import make_url

from backbone.devstack.infra import Infrastructure
from backbone.migrations import upgrade
from backbone.settings import BaseServiceSettings
from backbone.testing import cached_plan
from notifications.app import SERVICE
from notifications.service import mail, worker

ENDPOINT = "00000000-0000-0000-0000-0000000000e1"


@dataclass
class Fresh:
    """A database of the service's schema of its own, with nothing in it."""

    settings: BaseServiceSettings

    async def run_as_owner(self, sql: str) -> None:
        connection = await asyncpg.connect(self.settings.owner_asyncpg_dsn)
        try:
            await connection.execute(sql)
        finally:
            await connection.close()


@pytest.fixture
async def fresh(infra: Infrastructure) -> AsyncIterator[Fresh]:
    settings = infra.settings("notifications", database_name="backbone_claim_plans")
    await asyncio.to_thread(upgrade, settings, SERVICE)
    yield Fresh(settings)
    server = make_url(settings.owner_asyncpg_dsn).set(database="postgres")
    connection = await asyncpg.connect(server.render_as_string(hide_password=False))
    try:
        await connection.execute(
            f'DROP DATABASE "{settings.effective_database_name}" WITH (FORCE)')
    finally:
        await connection.close()


def sql_of(statement: TextClause) -> str:
    return str(statement.compile(dialect=PGDialect_asyncpg()))


def by_ids(plan: str) -> bool:
    """Whether the rows updated are looked up in an index by the array of claimed ids."""
    return any("Index Cond:" in line and "id = ANY" in line for line in plan.splitlines())


async def test_the_delivery_claim_reads_deliveries_by_their_ids(fresh: Fresh) -> None:
    """With ``id IN (subquery)`` the cached plan scanned every delivery on each claim."""

    async def grow() -> None:
        await fresh.run_as_owner(f"""
            INSERT INTO webhook_endpoints (id, tenant, url, description, event_types, enabled,
                secret, version, created_at, updated_at, rate_limit)
            VALUES ('{ENDPOINT}', 't1', 'https://example.org/hook', '', '{{}}', true, 's', 1,
                now(), now(), 50);
            INSERT INTO deliveries (id, tenant, endpoint_id, event_id, event_type, body, status,
                attempts, next_attempt_at, claimed_at, created_at, updated_at)
            SELECT gen_random_uuid(), 't1', '{ENDPOINT}', gen_random_uuid(), 'x', '{{}}',
                CASE WHEN g <= 3000 THEN 'delivered' ELSE 'pending' END, 0,
                now() - interval '1 hour', CASE WHEN g <= 3000 THEN now() - interval '1 hour' END,
                now(), now()
            FROM generate_series(1, 4000) g""")

    plan = await cached_plan(fresh.settings, sql_of(worker.CLAIM), "30, '{}', '{}', 8, 32",
                             grow)
    assert "Seq Scan on deliveries" not in plan, plan
    assert by_ids(plan), plan
    # the rate limit counts the endpoint's claims of the last second, not all its deliveries
    assert "ix_deliveries_recent_claims" in plan, plan


async def test_the_email_claim_reads_due_emails_then_leases_each_by_its_key(fresh: Fresh) -> None:
    async def grow() -> None:
        await fresh.run_as_owner("""
            INSERT INTO emails (id, key, tenant, to_address, subject, body, status, attempts,
                send_after, created_at)
            SELECT gen_random_uuid(), gen_random_uuid()::text, 't1', 'a@example.org', 's', 'b',
                CASE WHEN g <= 3000 THEN 'sent' ELSE 'pending' END, 0,
                now() - interval '1 hour', now()
            FROM generate_series(1, 4000) g""")

    plan = await cached_plan(fresh.settings, sql_of(mail.DUE), "32", grow)
    assert "Seq Scan on emails" not in plan, plan
    plan = await cached_plan(fresh.settings, sql_of(mail.LEASE),
                             f"120, '{uuid.uuid4()}'::uuid", grow)
    assert "pk_emails" in plan, plan
