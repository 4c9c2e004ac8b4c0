"""ETags on every read, and ``If-None-Match`` answered with 304.

Entities carry their version as a strong ETag (``backbone.http.deps.entity_response``).
Every other successful read (a list page, a series, the agenda document, a chart) gets a
weak ETag from a hash of its body, so clients and caches can revalidate anything they
read. Streamed responses (several body messages) pass through untouched.
"""

from __future__ import annotations

import hashlib

from starlette.types import Message

READS = frozenset({"GET", "HEAD"})


def representation_etag(body: bytes) -> bytes:
    return b'W/"' + hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b'"'


def _matches(if_none_match: bytes, etag: bytes) -> bool:
    """Weak comparison (RFC 9110 13.1.2): ``W/`` is ignored on both sides."""
    wanted = {t.strip().removeprefix(b"W/") for t in if_none_match.split(b",")}
    return b"*" in wanted or etag.removeprefix(b"W/") in wanted


def answer(start: Message, body: Message, if_none_match: bytes | None) -> list[Message]:
    """The messages to send for a successful read's response start and its first body
    message: with a weak ETag from the body added where the route set none, or a 304 when
    ``If-None-Match`` matches it. A streamed body (more to come) passes through untouched."""
    if body.get("more_body", False):
        return [start, body]
    headers = list(start.get("headers", []))
    etag = next((v for k, v in headers if k.lower() == b"etag"), None)
    if etag is None:
        etag = representation_etag(body.get("body", b""))
        headers.append((b"etag", etag))
    if if_none_match is not None and _matches(if_none_match, etag):
        kept = [(k, v) for k, v in headers if k.lower() not in (
            b"content-length", b"content-type")]
        return [{"type": "http.response.start", "status": 304, "headers": kept},
                {"type": "http.response.body", "body": b""}]
    return [{**start, "headers": headers}, body]
