"""The migrations create exactly what the models declare (a forgotten migration fails here)."""

from __future__ import annotations

from typing import Any

from backbone.devstack.infra import Infrastructure
from backbone.readmodels.agenda import AGENDA
from backbone.testing import schema_differences
from measurement import models


async def test_models_and_migrations_agree(measurement_app: Any, infra: Infrastructure) -> None:
    assert await schema_differences(infra.settings("measurement"), models.Base.metadata,
                                    AGENDA.metadata) == []
