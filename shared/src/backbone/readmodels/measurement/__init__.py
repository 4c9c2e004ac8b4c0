"""The read model of measurement's indicators (with the progress status viewers see),
dimensions and options, and the history of each indicator's status and disparities between
groups, fed by ``backbone.measurement.v1``.

A service keeps it by naming :data:`MEASUREMENT` in its ``ServiceSpec`` (which migrates the
tables) and by consuming :func:`subscriptions` for the entities it needs; its own reactions
are further subscriptions listed after these, run in the same transaction.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

from backbone.contracts.measurement import events
from backbone.events.consumer import Subscription
from backbone.readmodels import ReadModel
from backbone.readmodels.known import delete_from, upsert_into
from backbone.readmodels.measurement.handlers import (
    disparities_changed,
    first_status,
    status_changed,
)
from backbone.readmodels.measurement.tables import (
    DisparitiesSince,
    KnownDimension,
    KnownIndicator,
    MeasurementReadModelBase,
    ProgressStatusSince,
)

MEASUREMENT = ReadModel(name="measurement", metadata=MeasurementReadModelBase.metadata,
                        versions=Path(__file__).parent / "schema",
                        topics=(events.registry.topic,))


class Entity(StrEnum):
    INDICATORS = "indicators"  # with their progress status and its history
    DIMENSIONS = "dimensions"
    DISPARITIES = "disparities"


_STATES = (events.INDICATOR_DEFINED, events.INDICATOR_UPDATED, events.INDICATOR_RETIRED)
_KEEP_INDICATOR = upsert_into(KnownIndicator)

_SUBSCRIPTIONS: dict[Entity, list[Subscription[Any]]] = {
    Entity.INDICATORS: [
        *(Subscription(t, _KEEP_INDICATOR) for t in _STATES),
        *(Subscription(t, first_status) for t in _STATES),
        Subscription(events.INDICATOR_STATUS_CHANGED, status_changed),
    ],
    Entity.DIMENSIONS: [
        Subscription(events.DIMENSION_DEFINED, upsert_into(KnownDimension)),
        Subscription(events.DIMENSION_UPDATED, upsert_into(KnownDimension)),
        Subscription(events.DIMENSION_DELETED, delete_from(KnownDimension)),
    ],
    Entity.DISPARITIES: [
        Subscription(events.INDICATOR_DISPARITIES_CHANGED, disparities_changed),
    ],
}


def subscriptions(*entities: Entity) -> list[Subscription[Any]]:
    """What keeps the named entities (all of them if none is named) up to date."""
    return [s for entity in entities or tuple(Entity) for s in _SUBSCRIPTIONS[entity]]


__all__ = ["MEASUREMENT", "DisparitiesSince", "Entity", "KnownDimension", "KnownIndicator",
           "ProgressStatusSince", "subscriptions"]
