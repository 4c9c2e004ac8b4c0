"""The migrations create exactly what the models declare (a forgotten migration fails here)."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.engine import Connection

from agenda import models
from backbone.db import create_engine
from backbone.devstack.infra import Infrastructure


async def test_models_and_migrations_agree(agenda_app: Any, infra: Infrastructure) -> None:
    def differences(connection: Connection) -> list[Any]:
        context = MigrationContext.configure(connection)
        return compare_metadata(context, models.Base.metadata)

    engine = create_engine(infra.settings("agenda"))
    try:
        async with engine.connect() as conn:
            diff = await conn.run_sync(differences)
    finally:
        await engine.dispose()
    assert diff == []
