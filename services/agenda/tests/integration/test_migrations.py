"""The migrations create exactly what the models declare (a forgotten migration fails here)."""

from __future__ import annotations

from typing import Any

from agenda import models
from backbone.devstack.infra import Infrastructure
from backbone.testing import schema_differences


async def test_models_and_migrations_agree(agenda_app: Any, infra: Infrastructure) -> None:
    assert await schema_differences(infra.settings("agenda"), models.Base.metadata) == []
