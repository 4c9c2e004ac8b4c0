"""How a service describes itself to the tooling (``backbone up``, ``backbone migrate``).

Each service registers a :class:`ServiceSpec` under the ``backbone.services`` entry point
group, so the tooling finds services without importing their code by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import entry_points
from pathlib import Path

from backbone.events.registry import EventRegistry, topic_of
from backbone.readmodels import ReadModel
from backbone.settings import BaseServiceSettings


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    port: int
    app: str
    migrations: Path
    events: str  # "module:attribute" of the service's EventRegistry
    read_models: tuple[ReadModel, ...] = ()  # the library's read models it keeps
    passes_on: tuple[str, ...] = ()  # services whose every event it consumes as it is
    demo: str | None = None  # "module:function" loading its part of the demo network
    demo_after: tuple[str, ...] = ()  # services whose demo must be loaded before its own

    def topics(self, settings: BaseServiceSettings) -> list[str]:
        """The topics it needs: its own, its dead-letter topic and those it consumes (so its
        consumers may start before the services that publish on them)."""
        consumed = {t for model in self.read_models for t in model.topics}
        consumed |= {topic_of(service) for service in self.passes_on}
        return [settings.topic, settings.dead_letter_topic, *sorted(consumed)]


def discover_services() -> list[ServiceSpec]:
    specs = [ep.load() for ep in entry_points(group="backbone.services")]
    return sorted(specs, key=lambda s: s.port)


def discover_registries() -> list[EventRegistry]:
    """The event registries of every installed service (for the published contract)."""
    registries = []
    for spec in discover_services():
        module, _, attribute = spec.events.partition(":")
        registries.append(getattr(import_module(module), attribute))
    return registries


def in_demo_order(specs: list[ServiceSpec]) -> list[ServiceSpec]:
    """Each service after those its demo names in ``demo_after`` (else in port order)."""
    by_name = {s.name: s for s in specs}
    ordered: list[ServiceSpec] = []

    def place(spec: ServiceSpec, seen: tuple[str, ...] = ()) -> None:
        if spec in ordered:
            return
        if spec.name in seen:
            raise ValueError(f"demo_after makes a loop: {' -> '.join([*seen, spec.name])}")
        for name in spec.demo_after:
            if name in by_name:
                place(by_name[name], (*seen, spec.name))
        ordered.append(spec)

    for spec in specs:
        place(spec)
    return ordered
