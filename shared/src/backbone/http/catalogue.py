"""The event catalogue route: which CloudEvent types a service publishes, with schemas."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel

from backbone.events.registry import EventRegistry


class EventTypeInfo(BaseModel):
    type: str
    version: int
    description: str
    source: str
    topic: str
    dataschema: str
    json_schema: dict[str, Any]


def catalogue_router(registry: EventRegistry) -> APIRouter:
    router = APIRouter(tags=["operations"])
    catalogue = [
        EventTypeInfo(
            type=t.type, version=t.version, description=t.description, source=registry.source,
            topic=registry.topic, dataschema=t.dataschema, json_schema=t.json_schema(),
        )
        for t in registry
    ]

    @router.get(
        "/v1/event-types",
        operation_id="listEventTypes",
        summary="The CloudEvent types this service publishes, with their JSON Schemas",
    )
    async def list_event_types() -> list[EventTypeInfo]:
        return catalogue

    return router
