"""Which event types an endpoint receives: exact types, or a wildcard ending in ``*``
(``org.backbone.measurement.*``, ``org.backbone.agenda.goal.*``, ``*`` for all)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

_PATTERN = re.compile(r"^(\*|org\.backbone\.[a-z0-9_]+(\.[a-z0-9_]+){0,2}\.\*|"
                      r"org\.backbone\.[a-z0-9_]+\.[a-z0-9_]+\.[a-z0-9_]+)$")


def problems(patterns: Iterable[str], known: Collection[str]) -> list[str]:
    """What is wrong with each pattern, if anything: its shape, or an exact type that no
    installed catalogue defines."""
    found = []
    for pattern in patterns:
        if not _PATTERN.match(pattern):
            found.append(f"{pattern!r} is neither an event type nor a prefix ending in '.*'")
        elif not pattern.endswith("*") and pattern not in known:
            found.append(f"{pattern!r} is not a known event type")
    return found


def matches(patterns: Iterable[str], type_: str) -> bool:
    return any(p == type_ or (p.endswith("*") and type_.startswith(p[:-1]))
               for p in patterns)
