"""Who caused an event: the caller of the request that wrote it, else the service itself.

The writer of a request's transaction names the caller while its command runs; the outbox
reads it when it adds an event (like the trace context). Events written outside a request
(a consumer's reaction to another service's event) carry ``service:<name>``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from backbone.auth.principal import Principal


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    """The caller's ``sub``, or ``service:<name>``."""
    organization: str | None = None
    """The organization the caller acts for (a UUID), if any."""


_CURRENT: ContextVar[Actor | None] = ContextVar("backbone_actor", default=None)


@contextmanager
def acting_as(principal: Principal) -> Iterator[None]:
    """Within the block, events are caused by ``principal``."""
    token = _CURRENT.set(Actor(principal.sub, str(principal.org) if principal.org else None))
    try:
        yield
    finally:
        _CURRENT.reset(token)


def current_actor(service: str) -> Actor:
    return _CURRENT.get() or Actor(f"service:{service}")
