"""ETags on every read, and ``If-None-Match`` answered with 304.

Entities carry their version as a strong ETag (``backbone.http.deps.entity_response``).
Every other successful read (a list page, a series, the agenda document, a chart) gets a
weak ETag from a hash of its body, so clients and caches can revalidate anything they
read. Streamed responses (several body messages) pass through untouched.
"""

from __future__ import annotations

import hashlib

from starlette.types import ASGIApp, Message, Receive, Scope, Send

_READS = {"GET", "HEAD"}


def representation_etag(body: bytes) -> bytes:
    return b'W/"' + hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b'"'


def _matches(if_none_match: bytes, etag: bytes) -> bool:
    """Weak comparison (RFC 9110 13.1.2): ``W/`` is ignored on both sides."""
    wanted = {t.strip().removeprefix(b"W/") for t in if_none_match.split(b",")}
    return b"*" in wanted or etag.removeprefix(b"W/") in wanted


class ConditionalReads:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _READS:
            await self.app(scope, receive, send)
            return
        if_none_match = dict(scope["headers"]).get(b"if-none-match")
        held: Message | None = None

        async def conditional_send(message: Message) -> None:
            nonlocal held
            if message["type"] == "http.response.start" and message["status"] == 200:
                held = message
                return
            if held is None or message["type"] != "http.response.body":
                await send(message)
                return
            start, held = held, None
            if message.get("more_body", False):  # streamed: leave it alone
                await send(start)
                await send(message)
                return
            headers = list(start.get("headers", []))
            etag = next((v for k, v in headers if k.lower() == b"etag"), None)
            if etag is None:
                etag = representation_etag(message.get("body", b""))
                headers.append((b"etag", etag))
            if if_none_match is not None and _matches(if_none_match, etag):
                kept = [(k, v) for k, v in headers if k.lower() not in (
                    b"content-length", b"content-type")]
                await send({"type": "http.response.start", "status": 304, "headers": kept})
                await send({"type": "http.response.body", "body": b""})
                return
            await send({**start, "headers": headers})
            await send(message)

        await self.app(scope, receive, conditional_send)
