"""OpenAPI links, derived from the document itself: what a created object's id opens.

An operation that creates an object (a 201, or a PUT answering with it) links to every
operation whose only path parameter names that kind of object, passing the new id and the
answer's consistency token (so the next call waits for the object to arrive, even in
another service). Which parameter names which kind is read from the item routes
(``GET /v1/goals/{goal_id}`` answers a ``GoalRead``). Clients see what to call next;
schemathesis follows the links to reach real objects in its stateful phase.
"""

from __future__ import annotations

import re
from typing import Any

from backbone.consistency import HEADER

Document = dict[str, Any]

_SUFFIXES = re.compile(r"(Read|Created|Added)$")
_PARAMETER = re.compile(r"{(\w+)(?::\w+)?}")


def _kind(schema: dict[str, Any]) -> str | None:
    """The kind of object a response schema is (``Goal`` for ``GoalRead``), if a $ref."""
    ref = schema.get("$ref")
    return _SUFFIXES.sub("", ref.rsplit("/", 1)[1]) if ref else None


def _answer_schema(operation: dict[str, Any], status: str) -> dict[str, Any]:
    media = operation.get("responses", {}).get(status, {}).get("content", {})
    return media.get("application/json", {}).get("schema", {})


def _operations(document: Document) -> list[tuple[str, str, dict[str, Any]]]:
    return [(method, path, operation)
            for path, item in document.get("paths", {}).items()
            for method, operation in item.items()
            if isinstance(operation, dict) and "operationId" in operation]


def _identifying_parameters(document: Document) -> dict[str, str]:
    """Kind of object -> the path parameter that names one (from the item routes)."""
    found: dict[str, str] = {}
    for method, path, operation in _operations(document):
        parameters = _PARAMETER.findall(path)
        if method == "get" and len(parameters) == 1 and path.endswith("}"):
            kind = _kind(_answer_schema(operation, "200"))
            if kind is not None:
                found.setdefault(kind, parameters[0])
    return found


def add_links(document: Document) -> None:
    """Replace the links of every creating operation's answer with the derived ones."""
    names = _identifying_parameters(document)
    targets: dict[str, list[str]] = {}
    for _, path, operation in _operations(document):
        parameters = _PARAMETER.findall(path)
        if len(parameters) == 1:
            targets.setdefault(parameters[0], []).append(operation["operationId"])
    for method, _, operation in _operations(document):
        statuses = {"post": ["201", "202"], "put": ["200", "201"]}.get(method, [])
        for status in statuses:
            answer = operation.get("responses", {}).get(status)
            parameter = names.get(_kind(_answer_schema(operation, status)) or "")
            if answer is None or parameter is None:
                continue
            answer["links"] = {
                target: {"operationId": target,
                         "parameters": {f"path.{parameter}": "$response.body#/id",
                                        f"header.{HEADER}": f"$response.header.{HEADER}"},
                         "description": f"The new object's `id` as `{parameter}`."}
                for target in targets.get(parameter, []) if target != operation["operationId"]
            }
