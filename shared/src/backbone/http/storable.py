"""Text PostgreSQL cannot store (the NUL character, unpaired surrogates) in a request's
path or query: bad input, a 422 naming where, never a database error. Bodies are checked
field by field by ``backbone.http.schemas.Input``."""

from __future__ import annotations

from urllib.parse import parse_qsl

from backbone.http.schemas import unstorable

Loc = list[str | int]


def in_path(path: str) -> Loc | None:
    return ["path"] if unstorable(path) else None


def in_query(query_string: bytes) -> Loc | None:
    if b"%00" not in query_string and b"\x00" not in query_string:
        return None
    for name, value in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True):
        if "\x00" in name or "\x00" in value:
            return ["query", name.replace("\x00", "")]
    return None
