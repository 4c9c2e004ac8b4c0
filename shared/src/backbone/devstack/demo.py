"""The demo network, loaded through the public APIs (so it also exercises them).

Each service that has a demo names its loader in its ``ServiceSpec`` (``demo``); they run
in port order, except that a service's runs after those its ``demo_after`` names, each with
a ``DemoContext``: the services' URLs, an admin token, the stack's
data folder, and the events written so far, so a service reached through Kafka answers
once it has them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any

import httpx

from backbone import consistency
from backbone.service import discover_services, in_demo_order


def ok(response: httpx.Response) -> Any:
    """The response's JSON; a failed call stops the demo with what went wrong."""
    if response.status_code >= 400:
        raise RuntimeError(f"{response.request.method} {response.request.url}: "
                           f"{response.status_code} {response.text}")
    return response.json() if response.content else None


@dataclass
class DemoContext:
    urls: dict[str, str]
    token: str
    data_dir: Path  # the stack's (a loader may keep files there)
    written: dict[str, str] = field(default_factory=dict)
    """The last event of each type the loaders' writes emitted (type -> id)."""

    def client(self, service: str) -> httpx.Client:
        """A client of the service as the demo's admin, which waits for what was written
        before it (the events of other services it consumes) on every request."""
        headers = {"Authorization": f"Bearer {self.token}"}
        if self.written:
            headers[consistency.HEADER] = consistency.encode(self.written.items())
        return httpx.Client(base_url=self.urls[service], timeout=60, headers=headers,
                            event_hooks={"response": [self._remember]})

    def _remember(self, response: httpx.Response) -> None:
        token = response.headers.get(consistency.HEADER)
        if token:
            self.written.update((type_, str(id_)) for type_, id_ in consistency.parse(token))


Loader = Callable[[DemoContext], None]


def load_demo(urls: dict[str, str], token: str, data_dir: Path) -> None:
    context = DemoContext(urls, token, data_dir)
    for spec in in_demo_order(discover_services()):
        if spec.demo and spec.name in urls:
            module, _, name = spec.demo.partition(":")
            loader: Loader = getattr(import_module(module), name)
            loader(context)
