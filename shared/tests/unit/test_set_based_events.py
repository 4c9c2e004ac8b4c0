"""Set-based events: the payload is built from the event's schema, field by field."""

from __future__ import annotations

import uuid

import pytest

from backbone.events.registry import EventPayload, EventRegistry
from backbone.events.set_based import insert_events

registry = EventRegistry("demo")


class Thing(EventPayload):
    id: uuid.UUID
    name: str
    size: int


class Other(EventPayload):
    id: uuid.UUID


MADE = registry.define("thing.made", Thing, "A thing was made.")
CHANGED = registry.define("thing.changed", Thing, "A thing changed.")
GONE = registry.define("thing.gone", Other, "A thing went.")


def _sql(**overrides: object) -> str:
    arguments: dict[str, object] = {
        "alias": "r", "key": "r.k", "subject": "r.id::text", "tenant": "r.tenant",
        "initiative": "NULL", "types": [("r.new", MADE), ("", CHANGED)]}
    return insert_events("rows r", **{**arguments, **overrides})


def test_every_field_of_the_payload_is_written_from_its_column_or_its_expression() -> None:
    sql = _sql(fields={"size": "length(r.name)"})
    assert "jsonb_build_object('id', r.id, 'name', r.name, 'size', length(r.name))" in sql
    assert "CASE WHEN r.new THEN 'org.backbone.demo.thing.made' ELSE " \
           "'org.backbone.demo.thing.changed' END" in sql
    assert sql.startswith("INSERT INTO outbox (id, topic, key, type, source, subject, "
                          "dataschema, tenant, initiative, traceparent, actor, actor_org, "
                          "payload, created_at)")


def test_fields_the_schema_does_not_have_and_mixed_payloads_are_refused() -> None:
    with pytest.raises(ValueError, match="not fields of Thing"):
        _sql(fields={"colour": "'red'"})
    with pytest.raises(ValueError, match="one payload model"):
        _sql(types=[("r.new", MADE), ("", GONE)])
