"""RFC 9457 problem details for every error response."""

from __future__ import annotations

from typing import Any

import structlog
from asyncpg.exceptions import IntegrityConstraintViolationError
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from backbone.db import ConcurrentWriteError
from backbone.errors import (
    Conflict,
    DomainError,
    Forbidden,
    Invalid,
    NotFound,
    PreconditionFailed,
    Unavailable,
)

log = structlog.get_logger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:backbone:problem:"

_DEFAULT_KINDS = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    409: "conflict",
    412: "precondition-failed",
    413: "payload-too-large",
    415: "unsupported-media-type",
    422: "validation-failed",
    500: "internal-error",
    503: "unavailable",
}


class FieldError(BaseModel):
    loc: list[str | int] = Field(description="Where the error is, e.g. ['body', 'name'].")
    msg: str
    type: str


class Problem(BaseModel):
    """An RFC 9457 problem; ``type`` is stable per error kind (``urn:backbone:problem:<kind>``)."""

    type: str = Field(examples=["urn:backbone:problem:not-found"])
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    request_id: str | None = None
    errors: list[FieldError] | None = None


class ProblemError(Exception):
    """An HTTP problem, raised at the edge (authentication, request checks) or made from a
    use case's ``DomainError``; answering it rolls the transaction back."""

    def __init__(
        self,
        status: int,
        detail: str | None = None,
        *,
        kind: str | None = None,
        title: str | None = None,
        headers: dict[str, str] | None = None,
        errors: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(detail or title or kind)
        self.status = status
        self.kind = kind or _DEFAULT_KINDS.get(status, "error")
        self.title = title or self.kind.replace("-", " ").capitalize()
        self.detail = detail
        self.headers = headers or {}
        self.errors = errors


STATUS_OF: dict[type[DomainError], int] = {
    NotFound: 404, Forbidden: 403, Conflict: 409, Invalid: 422, PreconditionFailed: 412,
    Unavailable: 503}
"""The one mapping from the use cases' domain errors to HTTP statuses."""


def from_domain(error: DomainError) -> ProblemError:
    status = next(code for kind, code in STATUS_OF.items() if isinstance(error, kind))
    return ProblemError(status, error.detail, kind=error.kind, errors=error.errors)


def problem_response(request: Request, error: ProblemError) -> JSONResponse:
    body = Problem(
        type=TYPE_PREFIX + error.kind,
        title=error.title,
        status=error.status,
        detail=error.detail,
        instance=request.url.path,
        request_id=request.headers.get("x-request-id"),
        errors=[FieldError.model_validate(e) for e in error.errors] if error.errors else None,
    )
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=error.status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=error.headers,
    )


def _validation_problem(exc: RequestValidationError) -> ProblemError:
    errors = [
        {"loc": [str(p) if not isinstance(p, int) else p for p in e.get("loc", ())],
         "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
        for e in exc.errors()
    ]
    if any(e["type"] == "json_invalid" for e in errors):
        return ProblemError(400, "The request body is not valid JSON.", kind="malformed-json",
                            errors=errors)
    return ProblemError(422, "The request is not valid; see errors.", kind="validation-failed",
                        errors=errors)


def _allowed_methods(request: Request) -> list[str]:
    """Every method any route serves at this path (Starlette names only the first route's)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches(request.scope)
        if match is not Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    return sorted(methods)


def install_problem_handlers(app: FastAPI) -> None:
    async def on_problem(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ProblemError)
        return problem_response(request, exc)

    async def on_domain(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, DomainError)
        return problem_response(request, from_domain(exc))

    async def on_validation(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return problem_response(request, _validation_problem(exc))

    async def on_http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_allowed_methods(request))
        return problem_response(request, ProblemError(exc.status_code, str(exc.detail),
                                                      headers=headers))

    async def on_integrity(request: Request, exc: Exception) -> JSONResponse:
        log.info("integrity conflict", error=str(exc.__cause__ or exc)[:500])
        return problem_response(
            request, ProblemError(409, "The change conflicts with existing data.", kind="conflict")
        )

    async def on_concurrent_write(request: Request, exc: Exception) -> JSONResponse:
        log.info("concurrent writes kept overtaking the command", error=str(exc)[:500])
        return problem_response(request, ProblemError(
            409, "Concurrent changes to the same data kept getting in the way; try again.",
            kind="conflict"))

    async def on_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", path=request.url.path)
        return problem_response(request, ProblemError(500, "An unexpected error occurred."))

    app.add_exception_handler(ProblemError, on_problem)
    app.add_exception_handler(DomainError, on_domain)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(IntegrityError, on_integrity)
    app.add_exception_handler(IntegrityConstraintViolationError, on_integrity)  # row writes
    app.add_exception_handler(ConcurrentWriteError, on_concurrent_write)
    app.add_exception_handler(Exception, on_error)


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "description": kind}
    for status, kind in {
        400: "Malformed request (bad JSON, bad cursor)",
        401: "Missing or invalid bearer token",
        403: "The caller's roles do not allow this",
        404: "Not found (or not visible to this tenant)",
        409: "Conflict with existing data",
        412: "If-Match does not match the current ETag",
        413: "Body too large",
        415: "Unsupported media type",
        422: "Validation failed",
        429: "Too many requests: over the caller's rate limit (see `Retry-After`)",
    }.items()
}


def document_problem_media_type(document: dict[str, Any]) -> None:
    """In an OpenAPI document, say that error responses are ``application/problem+json``
    (FastAPI files a response model under ``application/json``, which they never are)."""
    for item in document.get("paths", {}).values():
        for operation in item.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if status[0] in "45" and "application/json" in content:
                    content[PROBLEM_MEDIA_TYPE] = content.pop("application/json")
