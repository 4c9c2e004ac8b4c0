"""The migrations create exactly what the models declare (a forgotten migration fails here)."""

from __future__ import annotations

from fastapi import FastAPI

from backbone.devstack.infra import Infrastructure
from backbone.readmodels.agenda import AGENDA
from backbone.testing import schema_differences
from notifications import models


async def test_models_and_migrations_agree(
    notifications_app: FastAPI, infra: Infrastructure
) -> None:
    assert await schema_differences(infra.settings("notifications"), models.Base.metadata,
                                    AGENDA.metadata) == []
