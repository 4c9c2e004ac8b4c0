"""The migrations create exactly what the models declare (a forgotten migration fails here)."""

from __future__ import annotations

from fastapi import FastAPI

from activities import models
from backbone.devstack.infra import Infrastructure
from backbone.readmodels.agenda import AGENDA
from backbone.readmodels.measurement import MEASUREMENT
from backbone.testing import schema_differences


async def test_models_and_migrations_agree(activities_app: FastAPI,
                                           infra: Infrastructure) -> None:
    assert await schema_differences(infra.settings("activities"), models.Base.metadata,
                                    AGENDA.metadata, MEASUREMENT.metadata) == []
