"""ETags on reads and ``If-Match`` on updates (a stale version gets 412)."""

from __future__ import annotations

from backbone.errors import PreconditionFailed


def etag_for(version: int) -> str:
    return f'"{version}"'


def check_if_match(if_match: str | None, version: int) -> None:
    """Raise 412 when ``If-Match`` is given and names none of the current version."""
    if if_match is None:
        return
    candidates = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    if "*" in candidates or etag_for(version) in candidates:
        return
    raise PreconditionFailed(
        f"The resource has changed (current ETag {etag_for(version)}); re-read and retry.")
