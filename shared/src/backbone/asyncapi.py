"""The published event contract: JSON Schemas per event type and an AsyncAPI 3.0 document.

``backbone docs`` writes them under ``docs/events/`` (``backbone.published``); a contract
test fails when the committed files differ from what the code emits, so a payload change
needs a new version.
"""

from __future__ import annotations

import json
from typing import Any

from backbone.events.registry import EventRegistry

CE_HEADERS = {
    "type": "object",
    "required": ["ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_tenant",
                 "content-type"],
    "properties": {
        "ce_specversion": {"const": "1.0"},
        "ce_id": {"type": "string", "format": "uuid",
                  "description": "The outbox row id: the deduplication key."},
        "ce_source": {"type": "string", "examples": ["/backbone/agenda"]},
        "ce_type": {"type": "string"},
        "ce_subject": {"type": "string", "description": "The entity id."},
        "ce_time": {"type": "string", "format": "date-time"},
        "ce_dataschema": {"type": "string", "format": "uri"},
        "ce_tenant": {"type": "string", "description": "The network (tenant)."},
        "ce_initiative": {"type": "string", "format": "uuid"},
        "ce_traceparent": {"type": "string", "description": "W3C trace context."},
        "ce_actor": {"type": "string", "examples": ["auth0|5f7c...", "service:measurement"],
                     "description": "Who caused the event: the caller's token subject, "
                                    "or service:<name> for a service's own reaction to "
                                    "another event."},
        "ce_actororg": {"type": "string", "format": "uuid",
                        "description": "The organization the caller acted for, if any."},
        "content-type": {"const": "application/json"},
    },
}


def schema_file_name(event_type: str, version: int) -> str:
    return f"{event_type}.v{version}.json"


def json_schemas(registry: EventRegistry) -> dict[str, dict[str, Any]]:
    return {schema_file_name(t.type, t.version): t.json_schema() for t in registry}


def asyncapi_document(registries: list[EventRegistry]) -> dict[str, Any]:
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for registry in registries:
        channel_messages = {}
        for t in registry:
            name = t.type.removeprefix("org.backbone.").replace(".", "_")
            messages[name] = {
                "name": t.type, "title": t.type, "summary": t.description,
                "contentType": "application/json",
                "headers": CE_HEADERS,
                "payload": {"$ref": f"./schemas/{schema_file_name(t.type, t.version)}"},
                "bindings": {"kafka": {"key": {"type": "string",
                                               "description": "Initiative id, else tenant."}}},
            }
            channel_messages[name] = {"$ref": f"#/components/messages/{name}"}
        channel = registry.topic.replace(".", "_")
        channels[channel] = {
            "address": registry.topic,
            "description": f"Every change in the {registry.service} service, as CloudEvents "
                           "1.0 in Kafka binary content mode, keyed by initiative.",
            "messages": channel_messages,
        }
        operations[f"receive_{channel}"] = {
            "action": "receive", "channel": {"$ref": f"#/channels/{channel}"},
            "summary": f"Subscribe to {registry.topic}.",
        }
    return {
        "asyncapi": "3.0.0",
        "info": {"title": "Backbone events", "version": "1.0.0", "description":
                 "Domain events of the Backbone services. Delivery is at least once: "
                 "deduplicate on the CloudEvent id."},
        "defaultContentType": "application/json",
        "channels": channels, "operations": operations,
        "components": {"messages": messages},
    }


def render(registries: list[EventRegistry]) -> dict[str, str]:
    """Every file of ``docs/events`` by relative path, as it should be committed."""
    files = {"asyncapi.json": asyncapi_document(registries)}
    for registry in registries:
        for name, schema in json_schemas(registry).items():
            files[f"schemas/{name}"] = schema
    return {path: json.dumps(doc, indent=2, sort_keys=True) + "\n" for path, doc in files.items()}

