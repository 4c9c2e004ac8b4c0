"""A measurement database from before the library's agenda read model keeps what it knew
of agenda: its initiatives and goals move into the read model, its settings stay."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
from alembic import command

from backbone.devstack.infra import Infrastructure
from backbone.migrations import alembic_config, ensure_database, upgrade
from backbone.readmodels.agenda import AGENDA
from backbone.testing import schema_differences
from measurement import models
from measurement.app import SERVICE

INITIATIVE = uuid.UUID("00000000-0000-4000-8000-00000000000a")
GOAL = uuid.UUID("00000000-0000-4000-8000-00000000000b")


async def test_agenda_rows_move_to_the_read_model_and_settings_stay(
    infra: Infrastructure,
) -> None:
    settings = infra.settings("measurement", database_name=f"rm_{uuid.uuid4().hex[:10]}")
    await ensure_database(settings)
    await asyncio.to_thread(command.upgrade, alembic_config(settings, SERVICE), "0004")
    conn = await asyncpg.connect(settings.owner_asyncpg_dsn)
    try:
        await conn.execute(
            "INSERT INTO initiatives (id, tenant, version, name, status, source_version, "
            "min_cell_size, fiscal_year_start_month) VALUES ($1, 'north', 3, 'Ready by 5', "
            "'active', 7, 15, 7)", INITIATIVE)
        await conn.execute(
            "INSERT INTO goals (id, tenant, initiative_id, title, source_version) "
            "VALUES ($1, 'north', $2, 'Every child ready', 4)", GOAL, INITIATIVE)
        await asyncio.to_thread(upgrade, settings, SERVICE)

        known = await conn.fetchrow("SELECT * FROM agenda_initiatives")
        assert dict(known) == {"id": INITIATIVE, "tenant": "north", "source_version": 7,
                               "name": "Ready by 5", "status": "active"}
        goal = await conn.fetchrow("SELECT * FROM agenda_goals")
        assert dict(goal) == {"id": GOAL, "tenant": "north", "source_version": 4,
                              "initiative_id": INITIATIVE, "title": "Every child ready"}
        own = await conn.fetchrow("SELECT version, min_cell_size, fiscal_year_start_month "
                                  "FROM initiatives WHERE id = $1", INITIATIVE)
        assert tuple(own) == (3, 15, 7)
    finally:
        await conn.close()
    assert await schema_differences(settings, models.Base.metadata, AGENDA.metadata) == []
