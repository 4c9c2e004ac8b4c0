"""The platform's base URL: one origin for every service.

The gateway learns the services' OpenAPI documents from the services themselves at start-up
(``GET <upstream>/openapi.json``), derives the route table (``backbone.routing``) and the
merged document (``backbone.apidocs``), and then

* passes each request on to the service that owns its path, streaming bodies both ways
  (CSV imports, server-sent events) and every header but the hop-by-hop ones, so request
  ids, trace context, tokens and conditional requests reach the service as sent;
* serves ``/openapi.json`` and ``/docs`` for the whole platform, the event catalogue of
  every service at ``/v1/event-types``, and ``/healthz`` and ``/readyz`` (ready when every
  service is).

``./dev up`` runs it on port 8000. In Kubernetes and docker-compose the cluster's ingress or
nginx routes by the same table, and sends the gateway only the platform's own paths.
Upstreams come from ``BACKBONE_GATEWAY_UPSTREAMS`` (a JSON object: service -> URL).
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import structlog
from fastapi import FastAPI, Request, Response
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.background import BackgroundTask
from starlette.exceptions import HTTPException as StarletteHTTPException

from backbone.apidocs import merge
from backbone.http.problems import (
    PROBLEM_MEDIA_TYPE,
    TYPE_PREFIX,
    ProblemError,
    problem_response,
)
from backbone.http.query import CALLERLESS_ROUTE
from backbone.routing import RouteTable

log = structlog.get_logger(__name__)

HOP_BY_HOP = frozenset({"connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
                        "te", "trailer", "transfer-encoding", "upgrade", "host"})
OWN_HEADERS = frozenset({"date", "server"})
"""Set by the gateway's own server on every answer."""
STARTUP_WAIT_S = 60.0
KEEPALIVE_S = 2.0
OWN_ROUTES = ("/openapi.json", "/docs", "/v1/event-types", "/healthz", "/readyz")
"""What the gateway answers itself (GET only)."""


def _problem(status: int, kind: str, detail: str, path: str) -> JSONResponse:
    return JSONResponse({"type": TYPE_PREFIX + kind, "title": kind.replace("-", " ").capitalize(),
                         "status": status, "detail": detail, "instance": path},
                        status_code=status, media_type=PROBLEM_MEDIA_TYPE)


async def _fetch(client: httpx.AsyncClient, url: str, deadline: float) -> Any:
    """A JSON document of a service, waiting (until ``deadline``) for the service to start."""
    while True:
        try:
            answer = await client.get(url)
            if answer.status_code == 200:
                return answer.json()
        except httpx.TransportError:
            pass
        if asyncio.get_running_loop().time() > deadline:
            raise RuntimeError(f"{url} did not answer")
        await asyncio.sleep(0.2)


def create_app(upstreams: dict[str, str] | None = None) -> FastAPI:
    targets: dict[str, str] = upstreams if upstreams is not None else json.loads(
        os.environ["BACKBONE_GATEWAY_UPSTREAMS"])

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # No timeout on reading: a stream (server-sent events) may stay open for hours.
        # Idle connections are dropped before the services' own keep-alive timeout (uvicorn's
        # 5 s) would close them: a request sent as the service closes one would fail (502).
        limits = httpx.Limits(max_connections=200, max_keepalive_connections=100,
                              keepalive_expiry=KEEPALIVE_S)
        client = httpx.AsyncClient(timeout=httpx.Timeout(30.0, read=None), limits=limits)
        deadline = asyncio.get_running_loop().time() + STARTUP_WAIT_S
        documents = {name: await _fetch(client, f"{url}/openapi.json", deadline)
                     for name, url in targets.items()}
        catalogue = [entry for name, url in sorted(targets.items())
                     for entry in await _fetch(client, f"{url}/v1/event-types", deadline)]
        app.state.client = client
        app.state.table = RouteTable.from_documents(documents)
        app.state.openapi = merge(documents)
        app.state.catalogue = catalogue
        log.info("gateway started", services=sorted(targets),
                 routes=len(app.state.table.routes))
        try:
            yield
        finally:
            await client.aclose()

    app = FastAPI(title="Backbone", lifespan=lifespan, openapi_url=None, docs_url=None,
                  redoc_url=None)

    @app.exception_handler(ProblemError)
    async def refused(request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(request, exc)

    @app.exception_handler(StarletteHTTPException)
    async def not_routed(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        """What no route takes (a path no route pattern matches, e.g. with a line break)."""
        kind = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "bad-request")
        problem = _problem(exc.status_code, kind, str(exc.detail), request.url.path)
        problem.headers.update(exc.headers or {})
        return problem

    # Its own routes take no query parameters: one that names any is refused, as every
    # service's routes refuse those they do not take.
    @app.get("/openapi.json", include_in_schema=False, dependencies=CALLERLESS_ROUTE)
    async def openapi(request: Request) -> JSONResponse:
        return JSONResponse(request.app.state.openapi)

    @app.get("/docs", include_in_schema=False, dependencies=CALLERLESS_ROUTE)
    async def docs() -> Response:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Backbone API")

    @app.get("/v1/event-types", include_in_schema=False, dependencies=CALLERLESS_ROUTE)
    async def event_types(request: Request) -> JSONResponse:
        return JSONResponse(request.app.state.catalogue)

    @app.get("/healthz", include_in_schema=False, dependencies=CALLERLESS_ROUTE)
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", include_in_schema=False, dependencies=CALLERLESS_ROUTE)
    async def readyz(request: Request) -> JSONResponse:
        client: httpx.AsyncClient = request.app.state.client
        answers = await asyncio.gather(*(client.get(f"{url}/readyz") for url in
                                         targets.values()), return_exceptions=True)
        ready = {name: isinstance(a, httpx.Response) and a.status_code == 200
                 for name, a in zip(targets, answers, strict=True)}
        return JSONResponse({"ready": ready}, status_code=200 if all(ready.values()) else 503)

    @app.api_route("/{path:path}", methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
                                            "OPTIONS", "TRACE"], include_in_schema=False)
    async def proxy(request: Request) -> Response:
        if request.url.path in OWN_ROUTES:
            problem = _problem(405, "method-not-allowed", f"{request.method} is not allowed "
                               "here.", request.url.path)
            problem.headers["Allow"] = "GET"
            return problem
        service = request.app.state.table.service_for(request.url.path)
        if service is None:
            return _problem(404, "not-found", "No service serves this path.",
                            request.url.path)
        return await _pass_on(request, targets[service])

    return app


async def _pass_on(request: Request, upstream: str) -> Response:
    client: httpx.AsyncClient = request.app.state.client
    headers = [(k, v) for k, v in request.headers.raw
               if k.decode("latin-1").lower() not in HOP_BY_HOP]
    peer = request.client.host if request.client else ""
    forwarded = request.headers.get("x-forwarded-for")
    headers.append((b"x-forwarded-for", f"{forwarded}, {peer}".encode() if forwarded
                    else peer.encode()))
    headers.append((b"x-forwarded-host", request.headers.get("host", "").encode()))
    headers.append((b"x-forwarded-proto", request.url.scheme.encode()))
    # A body goes on whatever the method, as declared (never a length without its bytes).
    has_body = "content-length" in request.headers or "transfer-encoding" in request.headers
    query = request.scope.get("query_string", b"").decode("latin-1")
    target = upstream + request.scope.get("raw_path", request.url.path.encode()).decode(
        "latin-1") + (f"?{query}" if query else "")
    outgoing = client.build_request(request.method, target, headers=headers,
                                    content=request.stream() if has_body else None)
    try:
        answer = await client.send(outgoing, stream=True)
    except httpx.TransportError as exc:
        log.warning("upstream unreachable", upstream=upstream, error=repr(exc))
        return _problem(502, "bad-gateway", "The service that serves this path did not "
                                            "answer.", request.url.path)
    kept = [(k, v) for k, v in answer.headers.raw
            if k.decode("latin-1").lower() not in HOP_BY_HOP | OWN_HEADERS]
    response = StreamingResponse(answer.aiter_raw(), status_code=answer.status_code,
                                 background=BackgroundTask(answer.aclose))
    response.raw_headers = kept
    return response
