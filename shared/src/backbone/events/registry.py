"""Event types, their payload models and the JSON Schemas published for them."""

from __future__ import annotations

import builtins
import functools
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict


class EventPayload(BaseModel):
    """Base class of every event payload: strict, so a schema mismatch fails loudly."""

    model_config = ConfigDict(extra="forbid")


class Removed(EventPayload):
    """An entity that was deleted; ``initiative_id`` is the initiative it belonged to."""

    id: uuid.UUID
    initiative_id: uuid.UUID


P = TypeVar("P", bound=EventPayload)


def topic_of(service: str) -> str:
    """The topic a service publishes on."""
    return f"backbone.{service}.v1"


def type_prefix(service: str) -> str:
    """What every type a service publishes starts with."""
    return f"org.backbone.{service}."


@functools.cache
def _tolerant(payload: builtins.type[P]) -> builtins.type[P]:
    """The payload model as a consumer reads it: fields it does not know are ignored, so a
    producer may add fields without breaking consumers that run an older contract."""
    config = ConfigDict(**{**payload.model_config, "extra": "ignore"})
    return type(payload.__name__, (payload,), {"model_config": config})


@dataclass(frozen=True)
class EventType(Generic[P]):
    """One published event type, e.g. ``org.backbone.agenda.goal.created`` version 1, on
    its service's topic."""

    type: str
    payload: builtins.type[P]
    description: str
    topic: str
    version: int = 1

    def parse(self, data: Any) -> P:
        """A received payload as this type's model (raises ``pydantic.ValidationError``)."""
        return _tolerant(self.payload).model_validate(data)

    @property
    def source(self) -> str:
        """The CloudEvents ``source`` of the service that publishes it."""
        return f"/backbone/{self.type.split('.')[2]}"

    @property
    def name(self) -> str:
        """The ``<entity>.<verb>`` part of the type, e.g. ``goal.created``."""
        return self.type.split(".", 3)[-1]

    @property
    def dataschema(self) -> str:
        """The stable URI naming this type's JSON Schema (also the schema's ``$id``)."""
        return f"urn:backbone:schema:{self.type}:v{self.version}"

    def json_schema(self) -> dict[str, Any]:
        schema = self.payload.model_json_schema()
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": self.dataschema,
            "description": self.description,
            **schema,
        }


@dataclass(frozen=True)
class DomainEvent:
    """An event a use case raises; the outbox turns it into a CloudEvent."""

    event_type: EventType[Any]
    tenant: str
    subject: uuid.UUID
    initiative: uuid.UUID | None
    data: EventPayload

    @property
    def key(self) -> str:
        """Kafka key: the initiative (per-initiative ordering), else the tenant."""
        return str(self.initiative) if self.initiative else self.tenant


class EventRegistry:
    """The event types one service publishes."""

    def __init__(self, service: str) -> None:
        self.service = service
        self.source = f"/backbone/{service}"
        self.topic = topic_of(service)
        self._types: dict[str, EventType[Any]] = {}

    def define(
        self, name: str, payload: type[P], description: str, version: int = 1
    ) -> EventType[P]:
        """Register ``org.backbone.<service>.<name>`` where name is ``<entity>.<past_verb>``."""
        event_type = EventType(f"{type_prefix(self.service)}{name}", payload, description,
                               self.topic, version)
        if event_type.type in self._types:
            raise ValueError(f"event type {event_type.type} defined twice")
        self._types[event_type.type] = event_type
        return event_type

    def get(self, type_: str) -> EventType[Any]:
        return self._types[type_]

    def __iter__(self) -> Iterator[EventType[Any]]:
        return iter(sorted(self._types.values(), key=lambda t: t.type))

    def __len__(self) -> int:
        return len(self._types)
