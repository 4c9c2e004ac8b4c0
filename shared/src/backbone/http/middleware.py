"""The edge of every service: one ASGI layer for request ids, trace context, rate limits,
body size and media type limits, text the database cannot store, consistency tokens,
conditional reads and request metrics."""

from __future__ import annotations

import json
import secrets
import time

import structlog
from opentelemetry import context as otel_context
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backbone import consistency, metrics
from backbone.http import conditional, storable
from backbone.http.problems import PROBLEM_MEDIA_TYPE, TYPE_PREFIX, ProblemError
from backbone.http.ratelimit import RateLimiter
from backbone.telemetry import request_context

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
_CONSISTENCY = consistency.HEADER.lower().encode()
_ACCEPTED_MEDIA = ("application/json", "text/csv", "application/merge-patch+json")


class Edge:
    """The one ASGI layer in front of every route, in this order:

    - assigns ``X-Request-ID`` (the caller's, or a new one) to the request and its answer;
    - gives the request its trace context where no server span is recorded
      (``backbone.telemetry.request_context``; FastAPI's telemetry makes the span otherwise);
    - counts it against its rate limit (``backbone.http.ratelimit``): a 429 over the quota,
      the ``RateLimit`` fields on every answer;
    - rejects paths or queries the database cannot store (422), oversize bodies (413,
      chunked ones included) and non-JSON bodies (415);
    - waits for the events a ``Backbone-Consistency-Token`` names;
    - gives successful reads an ETag and answers ``If-None-Match`` (``backbone.http.conditional``);
    - records request duration by route template.

    One layer rather than one per concern: each layer costs a call per request and one per
    response message, and every request passes all of them.

    Bodies are read whole before the route runs (they are limited anyway), so a limit is
    enforced the same way whatever the framing. Paths ending in one of ``bulk_suffixes``
    (bulk imports) get the larger ``max_bulk_bytes``.
    """

    def __init__(self, app: ASGIApp, *, limiter: RateLimiter, max_body_bytes: int,
                 max_bulk_bytes: int = 0, bulk_suffixes: tuple[str, ...] = (),
                 trace_requests: bool = False) -> None:
        self.app = app
        self.limiter = limiter
        self.max_body_bytes = max_body_bytes
        self.max_bulk_bytes = max(max_bulk_bytes, max_body_bytes)
        self.bulk_suffixes = bulk_suffixes
        self.trace_requests = trace_requests

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        request_id = (headers.get(b"x-request-id", b"").decode("latin-1")[:100]
                      or secrets.token_hex(16))
        scope["headers"] = [h for h in scope["headers"] if h[0] != b"x-request-id"]
        scope["headers"].append((b"x-request-id", request_id.encode()))
        structlog.contextvars.bind_contextvars(request_id=request_id)
        trace_token = (otel_context.attach(request_context(headers.get(b"traceparent")))
                       if self.trace_requests else None)
        answer = _Answer(send, scope["method"] in conditional.READS,
                         headers.get(b"if-none-match"), request_id)
        started = time.perf_counter()
        try:
            admitted = await self._admit(scope, receive, headers, answer)
            if admitted is not None:
                await self.app(scope, admitted, answer.send)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", "unmatched")
            metrics.HTTP_REQUEST_DURATION.labels(
                scope["method"], template, str(answer.status)
            ).observe(time.perf_counter() - started)
            structlog.contextvars.unbind_contextvars("request_id")
            if trace_token is not None:
                otel_context.detach(trace_token)

    async def _admit(self, scope: Scope, receive: Receive, headers: dict[bytes, bytes],
                     answer: _Answer) -> Receive | None:
        """The request's ``receive`` (its body read whole), or None once it was answered
        with a problem."""
        verdict = await self.limiter.count(scope, headers.get(b"authorization", b""))
        if verdict is not None:
            answer.extra.extend(verdict.fields)
            if verdict.refused:
                await answer.problem(scope, 429, "rate-limited", verdict.detail,
                                     headers={"Retry-After": str(verdict.retry_after)})
                return None
        loc = storable.in_path(scope["path"]) or storable.in_query(scope["query_string"])
        if loc:
            msg = "NUL characters and unpaired surrogates cannot be stored"
            await answer.problem(scope, 422, "validation-failed",
                                 f"{'.'.join(map(str, loc))}: {msg}.",
                                 [{"loc": loc, "msg": msg, "type": "unstorable_text"}])
            return None
        token = headers.get(_CONSISTENCY)
        if token is not None:
            try:
                await consistency.wait_until_applied(
                    scope["app"], token.decode("latin-1"),
                    headers.get(b"authorization", b"").decode("latin-1"))
            except ProblemError as exc:
                await answer.problem(scope, exc.status, exc.kind, exc.detail or "",
                                     exc.errors, exc.headers)
                return None
        if scope["method"] not in _BODY_METHODS:
            return receive
        limit = (self.max_bulk_bytes if scope["path"].endswith(self.bulk_suffixes)
                 else self.max_body_bytes)
        too_large = f"Bodies are limited to {limit} bytes."
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            await answer.problem(scope, 413, "payload-too-large", too_large)
            return None
        media = headers.get(b"content-type", b"").decode("latin-1").split(";")[0].strip()
        has_body = length not in (None, b"0") or b"transfer-encoding" in headers
        if has_body and media.lower() not in _ACCEPTED_MEDIA:
            await answer.problem(scope, 415, "unsupported-media-type",
                                 "Send JSON (application/json).")
            return None
        body = await _read_body(receive, limit)
        if body is None:
            await answer.problem(scope, 413, "payload-too-large", too_large)
            return None
        return _replay(body, receive)


class _Answer:
    """The response's way out: adds the request id and the rate limit fields to its start,
    notes its status, and holds a successful read's start until its body gives the ETag."""

    def __init__(self, send: Send, read: bool, if_none_match: bytes | None,
                 request_id: str) -> None:
        self._send = send
        self._read = read
        self._if_none_match = if_none_match
        self.request_id = request_id
        self.extra: list[tuple[bytes, bytes]] = [(b"x-request-id", request_id.encode())]
        self.status = 500
        self._held: Message | None = None

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
            message = {**message, "headers": [*message.get("headers", []), *self.extra]}
            if self._read and self.status == 200:
                self._held = message
                return
        elif self._held is not None and message["type"] == "http.response.body":
            start, self._held = self._held, None
            for out in conditional.answer(start, message, self._if_none_match):
                await self._send(out)
            return
        await self._send(message)

    async def problem(self, scope: Scope, status: int, kind: str, detail: str,
                      errors: list[dict[str, object]] | None = None,
                      headers: dict[str, str] | None = None) -> None:
        """Answer with a problem before the route runs."""
        problem: dict[str, object] = {
            "type": TYPE_PREFIX + kind, "title": kind.replace("-", " ").capitalize(),
            "status": status, "detail": detail,
            "instance": scope.get("path", "").replace("\x00", ""),
            "request_id": self.request_id}
        if errors:
            problem["errors"] = errors
        body = json.dumps(problem).encode()
        await self.send({"type": "http.response.start", "status": status, "headers": [
            (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
            (b"content-length", str(len(body)).encode()),
            *((k.lower().encode(), v.encode()) for k, v in (headers or {}).items()),
        ]})
        await self.send({"type": "http.response.body", "body": body})


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
