"""What is published from the code, written by ``backbone docs`` and checked by the tests to
match it: the event contract (``docs/events``), the platform's OpenAPI document
(``docs/openapi.json``) and the route table the deployments route by (the Helm chart's
``files/routes.json``, docker-compose's ``deploy/nginx.conf``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from backbone.apidocs import merge, service_documents
from backbone.asyncapi import render
from backbone.routing import RouteTable
from backbone.service import discover_registries

OPENAPI = Path("docs/openapi.json")
ROUTES = Path("deploy/helm/backbone/files/routes.json")
NGINX = Path("deploy/nginx.conf")
EVENTS = Path("docs/events")


def _json(document: Any) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def render_all() -> dict[Path, str]:
    """Every published file (relative to the repository) and its text."""
    documents = service_documents()
    table = RouteTable.from_documents(documents)
    files = {OPENAPI: _json(merge(documents)), ROUTES: _json(table.as_json()),
             NGINX: table.nginx()}
    files |= {EVENTS / path: text for path, text in render(discover_registries()).items()}
    return files


def write_all(root: Path) -> list[Path]:
    """Write them under ``root``; stale event schemas (of types no longer defined) go."""
    files = render_all()
    for stale in (root / EVENTS / "schemas").glob("*.json"):
        if stale.relative_to(root) not in files:
            stale.unlink()
    written = []
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        written.append(path)
    return written
