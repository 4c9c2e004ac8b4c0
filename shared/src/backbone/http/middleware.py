"""ASGI middleware: request ids, body size and media type limits, text the database cannot
store, request metrics."""

from __future__ import annotations

import json
import time
import uuid

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backbone import consistency, metrics
from backbone.http import storable
from backbone.http.problems import PROBLEM_MEDIA_TYPE, TYPE_PREFIX, ProblemError

_BODY_METHODS = {b"POST", b"PUT", b"PATCH"}
_CONSISTENCY = consistency.HEADER.lower().encode()
_ACCEPTED_MEDIA = ("application/json", "text/csv", "application/merge-patch+json")


async def send_problem(
    scope: Scope, send: Send, status: int, kind: str, detail: str, request_id: str,
    errors: list[dict[str, object]] | None = None, headers: dict[str, str] | None = None,
) -> None:
    problem: dict[str, object] = {
        "type": TYPE_PREFIX + kind, "title": kind.replace("-", " ").capitalize(),
        "status": status, "detail": detail,
        "instance": scope.get("path", "").replace("\x00", ""), "request_id": request_id}
    if errors:
        problem["errors"] = errors
    body = json.dumps(problem).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
        (b"content-length", str(len(body)).encode()),
        (b"x-request-id", request_id.encode()),
        *((k.lower().encode(), v.encode()) for k, v in (headers or {}).items()),
    ]})
    await send({"type": "http.response.body", "body": body})


async def _send_unstorable(scope: Scope, send: Send, loc: storable.Loc,
                           request_id: str) -> None:
    msg = "NUL characters and unpaired surrogates cannot be stored"
    await send_problem(scope, send, 422, "validation-failed", f"{'.'.join(map(str, loc))}: "
                        f"{msg}.", request_id, [{"loc": loc, "msg": msg,
                                                 "type": "unstorable_text"}])


class RequestGuard:
    """Assigns ``X-Request-ID``, rejects oversize bodies (413, chunked ones included),
    non-JSON bodies (415) and paths or queries the database cannot store (422), waits for
    the events a ``Backbone-Consistency-Token`` names, and records request duration by
    route template.

    Bodies are read whole before the route runs (they are limited anyway), so a limit is
    enforced the same way whatever the framing. Paths ending in one of ``bulk_suffixes``
    (bulk imports) get the larger ``max_bulk_bytes``.
    """

    def __init__(self, app: ASGIApp, max_body_bytes: int, max_bulk_bytes: int = 0,
                 bulk_suffixes: tuple[str, ...] = ()) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.max_bulk_bytes = max(max_bulk_bytes, max_body_bytes)
        self.bulk_suffixes = bulk_suffixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        request_id = headers.get(b"x-request-id", b"").decode("latin-1")[:100] or uuid.uuid4().hex
        scope["headers"] = [h for h in scope["headers"] if h[0] != b"x-request-id"]
        scope["headers"].append((b"x-request-id", request_id.encode()))
        structlog.contextvars.bind_contextvars(request_id=request_id)
        method = scope["method"].encode()
        length = headers.get(b"content-length")
        limit = (self.max_bulk_bytes if scope["path"].endswith(self.bulk_suffixes)
                 else self.max_body_bytes)
        loc = storable.in_path(scope["path"]) or storable.in_query(scope["query_string"])
        if loc:
            await _send_unstorable(scope, send, loc, request_id)
            return
        token = headers.get(_CONSISTENCY)
        if token is not None:
            try:
                await consistency.wait_until_applied(
                    scope["app"], token.decode("latin-1"),
                    headers.get(b"authorization", b"").decode("latin-1"))
            except ProblemError as exc:
                await send_problem(scope, send, exc.status, exc.kind, exc.detail or "",
                                    request_id, exc.errors, exc.headers)
                return
        if method in _BODY_METHODS:
            if length is not None and (not length.isdigit() or int(length) > limit):
                await send_problem(scope, send, 413, "payload-too-large",
                                    f"Bodies are limited to {limit} bytes.", request_id)
                return
            media = headers.get(b"content-type", b"").decode("latin-1").split(";")[0].strip()
            has_body = length not in (None, b"0") or b"transfer-encoding" in headers
            if has_body and media.lower() not in _ACCEPTED_MEDIA:
                await send_problem(scope, send, 415, "unsupported-media-type",
                                    "Send JSON (application/json).", request_id)
                return
            body = await _read_body(receive, limit)
            if body is None:
                await send_problem(scope, send, 413, "payload-too-large",
                                    f"Bodies are limited to {limit} bytes.", request_id)
                return
            receive = _replay(body, receive)

        status_holder = {"status": 500}
        started = time.perf_counter()

        async def tracking_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", "unmatched")
            metrics.HTTP_REQUEST_DURATION.labels(
                scope["method"], template, str(status_holder["status"])
            ).observe(time.perf_counter() - started)
            structlog.contextvars.unbind_contextvars("request_id")


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole body, or None once it exceeds ``limit``."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay
