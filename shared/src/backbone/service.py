"""How a service describes itself to the tooling (``backbone up``, ``backbone migrate``).

Each service registers a :class:`ServiceSpec` under the ``backbone.services`` entry point
group, so the tooling finds services without importing their code by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    port: int
    app: str
    migrations: Path


def discover_services() -> list[ServiceSpec]:
    specs = [ep.load() for ep in entry_points(group="backbone.services")]
    return sorted(specs, key=lambda s: s.port)
