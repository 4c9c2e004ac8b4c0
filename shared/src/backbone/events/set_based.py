"""Events written set-based: one SQL statement adds an outbox row for every row of a
query (a bulk import's upserted observations), with the same envelope ``Outbox.add``
gives a single event.

The library owns the outbox's column list here, and the payload is built from the event's
schema: every field of the payload model is taken from the query's column of that name
unless ``fields`` says otherwise, so neither can drift from what consumers validate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from backbone.events.actor import current_actor
from backbone.events.outbox import Outbox
from backbone.events.registry import EventType
from backbone.telemetry import current_traceparent

_COLUMNS = ("id", "topic", "key", "type", "source", "subject", "dataschema", "tenant",
            "initiative", "traceparent", "actor", "actor_org", "payload", "created_at")


def insert_events(rows: str, *, alias: str, key: str, subject: str, tenant: str,
                  initiative: str, types: Sequence[tuple[str, EventType]],
                  fields: Mapping[str, str] | None = None) -> str:
    """SQL inserting one event per row of ``rows`` (a FROM clause whose rows are named
    ``alias``), ``RETURNING id, key, type, seq``.

    ``types`` pairs a SQL condition with the event type of the rows it is true for (the
    last pair is the default); all of them share one payload model. ``key``, ``subject``,
    ``tenant`` and ``initiative`` are SQL expressions. Run it with ``parameters(outbox)``.
    """
    payload = types[0][1].payload
    if any(t.payload is not payload for _, t in types):
        raise ValueError("set-based events of one statement share one payload model")
    fields = dict(fields or {})
    unknown = set(fields) - set(payload.model_fields)
    if unknown:
        raise ValueError(f"not fields of {payload.__name__}: {sorted(unknown)}")
    pairs = ", ".join(f"'{name}', {fields.get(name, f'{alias}.{name}')}"
                      for name in payload.model_fields)
    return f"""INSERT INTO outbox ({", ".join(_COLUMNS)})
    SELECT gen_random_uuid(), :outbox_topic, {key}, {_case(types, "type")},
           :outbox_source, {subject}, {_case(types, "dataschema")}, {tenant}, {initiative},
           :outbox_traceparent, :outbox_actor, :outbox_actor_org,
           jsonb_build_object({pairs}), now()
    FROM {rows}
    RETURNING id, key, type, seq"""


def _case(types: Sequence[tuple[str, EventType]], attribute: str) -> str:
    def literal(event_type: EventType) -> str:
        return "'" + getattr(event_type, attribute).replace("'", "''") + "'"

    *conditional, (_, default) = types
    if not conditional:
        return literal(default)
    whens = " ".join(f"WHEN {condition} THEN {literal(t)}" for condition, t in conditional)
    return f"CASE {whens} ELSE {literal(default)} END"


def parameters(outbox: Outbox) -> dict[str, Any]:
    """The bind parameters ``insert_events`` statements take: the envelope of this
    service's events in this request (trace context and actor)."""
    actor = current_actor(outbox.service)
    return {"outbox_topic": outbox.topic, "outbox_source": outbox.source,
            "outbox_traceparent": current_traceparent(), "outbox_actor": actor.id,
            "outbox_actor_org": actor.organization}
