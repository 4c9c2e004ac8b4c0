"""The library's tables are migrated by the library's own branch, once for every service
(agenda's database stands for all); a database made before that branch existed is
adopted with its rows kept."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
import pytest
from alembic import command

from agenda import models
from agenda.app import SERVICE
from backbone.devstack.infra import Infrastructure
from backbone.migrations import alembic_config, ensure_database, upgrade
from backbone.testing import schema_differences

# The library's tables as the services' own migrations 0001-0003 made them, up to now.
BEFORE_THE_BRANCH = """
CREATE TABLE outbox (
    id uuid NOT NULL CONSTRAINT pk_outbox PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    topic varchar(200) NOT NULL, key varchar(200) NOT NULL, type varchar(200) NOT NULL,
    source varchar(200) NOT NULL, subject varchar(200) NOT NULL, dataschema text NOT NULL,
    tenant varchar(100) NOT NULL, initiative varchar(64), traceparent varchar(64),
    payload jsonb NOT NULL, created_at timestamptz NOT NULL, published_at timestamptz);
CREATE INDEX ix_outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX ix_outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;
CREATE OR REPLACE FUNCTION backbone_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN PERFORM pg_notify('backbone_outbox', ''); RETURN NULL; END $$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION backbone_outbox_notify();
CREATE TABLE inbox (
    consumer varchar(100) NOT NULL, event_id uuid NOT NULL,
    event_type varchar(200) NOT NULL, received_at timestamptz NOT NULL,
    CONSTRAINT pk_inbox PRIMARY KEY (consumer, event_id));
CREATE TABLE idempotency_keys (
    tenant varchar(100) NOT NULL, subject varchar(200) NOT NULL, key varchar(200) NOT NULL,
    fingerprint varchar(64) NOT NULL, status_code integer NOT NULL, body jsonb NOT NULL,
    headers jsonb NOT NULL, created_at timestamptz NOT NULL,
    CONSTRAINT pk_idempotency_keys PRIMARY KEY (tenant, subject, key));
INSERT INTO outbox (id, topic, key, type, source, subject, dataschema, tenant, payload,
                    created_at)
    VALUES ('00000000-0000-4000-8000-000000000001', 'backbone.agenda.v1', 'k', 't', 's',
            'x', 'd', 'north', '{"kept": true}', now());
INSERT INTO inbox VALUES ('agenda', '00000000-0000-4000-8000-000000000002', 't', now());
INSERT INTO idempotency_keys VALUES ('north', 'ana', 'k1', 'f', 201, '{}', '{}', now());
"""


@pytest.mark.parametrize("existing", [True, False])
async def test_the_library_branch_adopts_or_creates_its_tables(
    infra: Infrastructure, existing: bool
) -> None:
    settings = infra.settings("agenda", database_name=f"adopt_{uuid.uuid4().hex[:10]}")
    await ensure_database(settings)
    if existing:
        # A database at the services' head before the branch: its rows must survive.
        await asyncio.to_thread(command.upgrade, alembic_config(settings, SERVICE), "0003")
        conn = await asyncpg.connect(settings.owner_asyncpg_dsn)
        try:
            await conn.execute(BEFORE_THE_BRANCH)
        finally:
            await conn.close()
    await asyncio.to_thread(upgrade, settings, SERVICE)
    assert await schema_differences(settings, models.Base.metadata) == []
    conn = await asyncpg.connect(settings.owner_asyncpg_dsn)
    try:
        heads = {r["version_num"] for r in await conn.fetch("SELECT * FROM alembic_version")}
        assert {"0004"} < heads  # agenda's own head, beside the library's
        assert any(h.startswith("backbone_") for h in heads)
        kept = [await conn.fetchval(f"SELECT count(*) FROM {t}")
                for t in ("outbox", "inbox", "idempotency_keys")]
        assert kept == ([1, 1, 1] if existing else [0, 0, 0])
        if existing:
            payload = await conn.fetchval("SELECT payload::text FROM outbox")
            assert payload == '{"kept": true}'
    finally:
        await conn.close()
