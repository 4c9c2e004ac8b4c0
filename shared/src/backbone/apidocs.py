"""One OpenAPI 3.1 document for the whole platform, merged from the services' own.

Each path comes from the one service that serves it (``backbone.routing``); the paths every
service serves about itself appear once, as the platform's. Component schemas that two
services define alike are kept once (the problem schema, validation errors); two different
schemas of one name get their service's name as a prefix. Operation ids stay unique (a
clash is prefixed too). Tags are per service and resource (``Agenda: goals``), grouped by
service (``x-tagGroups``).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from importlib import import_module
from typing import Any

from fastapi import FastAPI

from backbone.http.operation_links import add_links
from backbone.routing import OWN_PATHS

Document = dict[str, Any]

DESCRIPTION = """
**Backbone** is the backend collective impact initiatives run on: the common agenda (agenda),
shared measurement (measurement), mutually reinforcing activities (activities) and
continuous communication (notifications), each its own service, all under one base URL.

Every call needs a bearer JWT (`Authorization: Bearer ...`) carrying `sub`, `tenant`, an
optional `org` and role grants (`network:admin`, `initiative:<id>:backbone|partner|viewer`).
Errors are RFC 9457 `application/problem+json`. Writes answer with a
`Backbone-Consistency-Token`: send it with the next call to another service to read your
own writes there. Every answer of `/v1` carries `RateLimit-Policy` and `RateLimit`.
"""


def service_apps() -> dict[str, FastAPI]:
    """Each installed service's app, built but not started (no server, no database)."""
    from backbone.service import discover_services

    apps = {}
    for spec in discover_services():
        module, _, factory = spec.app.partition(":")
        settings = import_module(f"{spec.name}.config").Settings(jwt_secret="x" * 32)
        apps[spec.name] = getattr(import_module(module), factory)(settings)
    return apps


def service_documents() -> dict[str, Document]:
    """Each installed service's OpenAPI document, from its app."""
    return {name: app.openapi() for name, app in service_apps().items()}


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _rename_refs(value: Any, renamed: Mapping[str, str]) -> Any:
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key == "$ref" and isinstance(item, str) and item.startswith(
                    "#/components/schemas/"):
                name = item.rsplit("/", 1)[1]
                out[key] = f"#/components/schemas/{renamed.get(name, name)}"
            else:
                out[key] = _rename_refs(item, renamed)
        return out
    if isinstance(value, list):
        return [_rename_refs(v, renamed) for v in value]
    return value


def _title(service: str) -> str:
    return service.capitalize()


def merge(documents: Mapping[str, Document], version: str = "1.0.0") -> Document:
    """The platform's document (``documents``: service name -> its OpenAPI document)."""
    schemas: dict[str, Any] = {}
    owners: dict[str, str] = {}
    paths: dict[str, Any] = {}
    security: dict[str, Any] = {}
    tags: list[dict[str, Any]] = []
    groups: list[dict[str, Any]] = []
    operation_ids: set[str] = set()
    for service in sorted(documents):
        document = copy.deepcopy(documents[service])
        components = document.get("components", {})
        renamed = {}
        for name, schema in components.get("schemas", {}).items():
            if name in schemas and _canonical(schemas[name]) != _canonical(
                    _rename_refs(schema, {})):
                renamed[name] = f"{_title(service)}{name}"
        document = _rename_refs(document, renamed)
        for name, schema in document.get("components", {}).get("schemas", {}).items():
            final = renamed.get(name, name)
            schemas.setdefault(final, schema)
            owners.setdefault(final, service)
        security.update(document.get("components", {}).get("securitySchemes", {}))
        own_tags = {t["name"]: t for t in document.get("tags", [])}
        used: list[str] = []
        for template, item in document.get("paths", {}).items():
            if template in OWN_PATHS:
                if template == "/v1/event-types" and template not in paths:
                    paths[template] = _platform_catalogue(item)
                continue
            for operation in item.values():
                if not isinstance(operation, dict) or "operationId" not in operation:
                    continue
                if operation["operationId"] in operation_ids:
                    operation["operationId"] = f"{service}{operation['operationId'][0].upper()}" \
                                               f"{operation['operationId'][1:]}"
                operation_ids.add(operation["operationId"])
                operation["tags"] = [f"{_title(service)}: {t}" for t in operation.get("tags", [])]
                used += [t for t in operation["tags"] if t not in used]
            paths[template] = item
        for tag in used:
            resource = tag.split(": ", 1)[1]
            tags.append({"name": tag, "description": own_tags.get(resource, {}).get(
                "description", "")})
        groups.append({"name": _title(service), "tags": used})
    tags.append({"name": "Platform", "description": "What the base URL serves about the "
                                                   "platform as a whole."})
    groups.append({"name": "Platform", "tags": ["Platform"]})
    merged = {
        "openapi": "3.1.0",
        "info": {"title": "Backbone API", "version": version, "description": DESCRIPTION},
        "servers": [{"url": "/", "description": "The base URL (http://127.0.0.1:8000 on "
                                                "the embedded stack)"}],
        "paths": dict(sorted(paths.items())),
        "components": {"schemas": dict(sorted(schemas.items())),
                       "securitySchemes": security},
        "tags": tags,
        "x-tagGroups": groups,
    }
    add_links(merged)  # across services too: an initiative made in agenda opens them all
    return merged


def _platform_catalogue(item: Mapping[str, Any]) -> dict[str, Any]:
    merged = copy.deepcopy(dict(item))
    operation = merged["get"]
    operation["tags"] = ["Platform"]
    operation["summary"] = "The CloudEvent types every service publishes, with their JSON " \
                           "Schemas"
    return merged
