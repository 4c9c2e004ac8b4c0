"""One base URL for every service: which service answers which path.

The table is derived from the services' OpenAPI documents, never written by hand: each path
template belongs to exactly one service, and two services may not claim paths that one
request could match (``/v1/initiatives/{id}/goals`` and ``/v1/initiatives/{id}/{x}`` would
be). The paths every service serves about itself (health, metrics, its event catalogue) are
the gateway's own. The same table drives the embedded stack's gateway, the Kubernetes
Ingress or HTTPRoute, and docker-compose's nginx.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

OWN_PATHS = frozenset({"/healthz", "/readyz", "/metrics", "/v1/event-types"})
"""Served by every service about itself, so by the gateway for the whole platform."""

_PARAMETER = re.compile(r"^\{[^/{}]+\}$")
_SPECIAL = re.compile(r"[.^$*+?()\[\]{}|\\]")


class RouteConflictError(ValueError):
    """Two services claim paths one request could match."""


@dataclass(frozen=True)
class Route:
    template: str  # as in the OpenAPI document, e.g. /v1/initiatives/{initiative_id}/goals
    service: str

    @property
    def segments(self) -> tuple[str, ...]:
        return tuple(self.template.strip("/").split("/"))

    @property
    def regex(self) -> str:
        """The paths it matches, as a regular expression (RE2 and PCRE alike)."""
        parts = ["[^/]+" if _PARAMETER.match(s) else _SPECIAL.sub(r"\\\g<0>", s)
                 for s in self.segments]
        return "^/" + "/".join(parts) + "$"

    @property
    def ingress_path(self) -> str:
        """The regex as an Ingress path, which must begin with ``/`` (ingress-nginx anchors
        it at the start itself)."""
        return self.regex.removeprefix("^")

    def overlaps(self, other: Route) -> bool:
        mine, theirs = self.segments, other.segments
        return len(mine) == len(theirs) and all(
            a == b or _PARAMETER.match(a) or _PARAMETER.match(b)
            for a, b in zip(mine, theirs, strict=True))


class RouteTable:
    """Routes, most literal first (a request goes to the first whose regex matches)."""

    def __init__(self, routes: Iterable[Route]) -> None:
        self.routes = sorted(routes, key=lambda r: (
            -sum(not _PARAMETER.match(s) for s in r.segments), r.template))
        self._compiled = [(re.compile(r.regex), r.service) for r in self.routes]

    @classmethod
    def from_documents(cls, documents: Mapping[str, Mapping[str, Any]]) -> RouteTable:
        """The table of the services' OpenAPI documents (service name -> document)."""
        owners: dict[str, str] = {}
        for service, document in sorted(documents.items()):
            for template in document.get("paths", {}):
                if template in OWN_PATHS:
                    continue
                if template in owners and owners[template] != service:
                    raise RouteConflictError(f"{template} is claimed by {owners[template]} "
                                             f"and {service}")
                owners[template] = service
        routes = [Route(t, s) for t, s in owners.items()]
        for n, route in enumerate(routes):
            for other in routes[n + 1:]:
                if route.service != other.service and route.overlaps(other):
                    raise RouteConflictError(
                        f"{route.template} ({route.service}) and {other.template} "
                        f"({other.service}) can match the same request")
        return cls(routes)

    def service_for(self, path: str) -> str | None:
        for regex, service in self._compiled:
            if regex.match(path):
                return service
        return None

    def as_json(self) -> dict[str, Any]:
        """What the deployment files are rendered from."""
        return {"routes": [{"template": r.template, "regex": r.regex,
                            "ingress_path": r.ingress_path, "service": r.service}
                           for r in self.routes]}

    def nginx(self, upstream_port: int = 8000) -> str:
        """An nginx ``server`` for docker-compose: each route to its service (by its compose
        name), bodies streamed both ways, request ids and trace context passed on."""
        lines = [
            "# Generated from the services' OpenAPI documents by `backbone docs`: do not edit.",
            "server {",
            "    listen 8000;",
            "    client_max_body_size 16m;",
            "    proxy_http_version 1.1;",
            "    proxy_buffering off;",
            "    proxy_request_buffering off;",
            "    proxy_read_timeout 1h;",
            "    proxy_set_header Host $host;",
            "    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
            "    proxy_set_header X-Forwarded-Proto $scheme;",
            "    proxy_set_header Connection \"\";",
            "    location = /openapi.json { proxy_pass http://gateway:8000; }",
            "    location = /docs { proxy_pass http://gateway:8000; }",
            "    location = /v1/event-types { proxy_pass http://gateway:8000; }",
        ]
        lines += [f"    location ~ \"{r.regex}\" {{ proxy_pass http://{r.service}:"
                  f"{upstream_port}; }}" for r in self.routes]
        lines += ["}", ""]
        return "\n".join(lines)
