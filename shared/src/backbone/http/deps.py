"""FastAPI dependencies: the caller, database sessions and the write runner."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Annotated, Any, TypeVar

import asyncpg
from fastapi import Depends, Header, Request, Response
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBearer
from pydantic import BaseModel
from pydantic_core import to_json
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from backbone import consistency, metrics
from backbone.auth.principal import Principal
from backbone.auth.tokens import InvalidTokenError, TokenValidator, bearer_token
from backbone.db import ConcurrentWriteError, in_tenant, utcnow
from backbone.events.actor import acting_as
from backbone.http.etag import etag_for
from backbone.http.idempotency import (
    IDEMPOTENCY_KEYS,
    IdempotencyRecord,
    Replay,
    caller_scope,
    find_replay,
    find_replay_row,
    fingerprint,
)
from backbone.http.problems import ProblemError
from backbone.http.query import check_query_parameters
from backbone.rows import Rows
from backbone.rowwrites import RowWriter, writing

M = TypeVar("M", bound=BaseModel)

class BearerPrincipal(HTTPBearer):
    """The caller, from the bearer token: the security scheme the OpenAPI document declares
    and the dependency that checks it, in one (one dependency less to solve per request
    than the scheme's credentials passed on to a second one).

    It first refuses query parameters the route does not take (``backbone.http.query``):
    every route with a caller has this dependency, so the check costs no dependency of its
    own, and an unknown parameter is reported before the caller is looked at, as before."""

    async def __call__(self, request: Request) -> Principal:  # type: ignore[override]
        check_query_parameters(request)
        challenge = {"WWW-Authenticate": 'Bearer realm="backbone"'}
        token = bearer_token(request.headers.get("authorization", ""))
        if token is None:
            raise ProblemError(401, "A bearer token is required.", headers=challenge)
        validator: TokenValidator = request.app.state.token_validator
        try:
            return await validator.validate(token)
        except InvalidTokenError as exc:
            raise ProblemError(401, f"Invalid token: {exc}", headers=challenge) from exc


get_principal = BearerPrincipal(
    scheme_name="HTTPBearer", description="A Backbone JWT (`backbone token` mints one).")

CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


async def get_session(request: Request, principal: CurrentPrincipal
                      ) -> AsyncIterator[AsyncSession]:
    """A read-only session (autocommit): routes that change state use ``Write``; a GET of
    one row by id uses ``RowReads``."""
    async with request.app.state.read_sessionmaker() as session:
        await in_tenant(session, principal.tenant)
        yield session


ReadSession = Annotated[AsyncSession, Depends(get_session)]


async def get_rows(request: Request) -> Rows:
    """Async, like ``get_writer``, so that FastAPI calls it in the event loop."""
    return request.app.state.rows


RowReads = Annotated[Rows, Depends(get_rows)]

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        max_length=200,
        description="Retry-safe POST: the same key and body replay the first response.",
    ),
]
IfMatch = Annotated[
    str | None, Header(alias="If-Match", description="The ETag you read; 412 if it is stale.")
]


def entity_response(model: BaseModel, status_code: int = 200) -> Response:
    """A JSON response with the entity's ETag (from its ``version``) when it has one.

    Serialised by pydantic-core directly to JSON (a bulk import's results are large).
    """
    headers = {}
    version = getattr(model, "version", None)
    if isinstance(version, int):
        headers["ETag"] = etag_for(version)
    return Response(model.model_dump_json(), status_code=status_code, headers=headers,
                    media_type="application/json")


def plain_response(content: Any, status_code: int = 200) -> Response:
    """A JSON response of plain values (dicts, lists, ids, dates, decimals, enums), serialized
    by pydantic-core without building models: for large computed documents, whose shape the
    route still declares as its ``response_model`` (and its tests check against it)."""
    return Response(to_json(content), status_code=status_code, media_type="application/json")


ATTEMPTS = 3
RETRYABLE = {"40P01": "deadlock", "40001": "serialization_failure"}  # by SQLSTATE


class Writer:
    """Runs one command in one transaction: the single place where writes commit.

    The command changes state and adds outbox events; the response is stored under the
    ``Idempotency-Key`` (if any) in the same transaction. A transaction the database aborts
    to break a deadlock (or a serialization conflict), or that the command found overtaken
    by a concurrent one (``ConcurrentWriteError``), is run again, up to three times: it
    left nothing behind, so running it again neither loses nor duplicates anything.

    ``run`` gives the command a session; ``run_rows`` a row writer (``backbone.rowwrites``),
    for commands written as Core statements, at half the CPU.
    """

    def __init__(self, request: Request, principal: Principal) -> None:
        self.request = request
        self.principal = principal

    async def run(
        self,
        command: Callable[[AsyncSession], Awaitable[Any]],
        schema: type[M] | None,
        *,
        status_code: int | Callable[[], int] = 200,
        idempotency_key: str | None = None,
    ) -> Response:
        """``status_code`` may be a function, asked after the command ran (e.g. 201 or 200).

        The events the command adds are caused by the caller (``backbone.events.actor``).
        """
        return await self._retrying(
            lambda: self._in_session(command, schema, status_code, idempotency_key))

    async def run_rows(
        self,
        command: Callable[[RowWriter], Awaitable[Any]],
        schema: type[M] | None,
        *,
        status_code: int | Callable[[], int] = 200,
        idempotency_key: str | None = None,
    ) -> Response:
        """As ``run``, in a transaction on the row pool."""
        return await self._retrying(
            lambda: self._in_rows(command, schema, status_code, idempotency_key))

    async def _retrying(self, once: Callable[[], Awaitable[Response]]) -> Response:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with acting_as(self.principal):
                    return await once()
            except (DBAPIError, asyncpg.PostgresError, ConcurrentWriteError) as exc:
                reason = _retry_reason(exc)
                if attempt == ATTEMPTS or reason is None:
                    raise
                metrics.TRANSACTION_RETRIES.labels(reason).inc()
        raise AssertionError("unreachable")

    async def _in_session(
        self,
        command: Callable[[AsyncSession], Awaitable[Any]],
        schema: type[M] | None,
        status_code: int | Callable[[], int],
        idempotency_key: str | None,
    ) -> Response:
        async with self.request.app.state.sessionmaker() as session, session.begin():
            await in_tenant(session, self.principal.tenant)
            print_ = await self._fingerprint(idempotency_key)
            if idempotency_key:
                replay = await find_replay(session, self.principal.tenant,
                                           caller_scope(self.principal), idempotency_key,
                                           print_)
                if replay is not None:
                    return _replayed(replay)
            result = await command(session)
            if schema is not None and (session.new or session.dirty or session.deleted):
                await session.flush()  # so that the response shows what is stored
            response = _respond(result, schema, status_code, consistency.token_for(session))
            if idempotency_key:
                session.add(IdempotencyRecord(**self._record(response, idempotency_key,
                                                             print_)))
        return response

    async def _in_rows(
        self,
        command: Callable[[RowWriter], Awaitable[Any]],
        schema: type[M] | None,
        status_code: int | Callable[[], int],
        idempotency_key: str | None,
    ) -> Response:
        async with writing(self.request.app.state.rows, self.principal.tenant) as writer:
            print_ = await self._fingerprint(idempotency_key)
            if idempotency_key:
                replay = await find_replay_row(writer, self.principal.tenant,
                                               caller_scope(self.principal), idempotency_key,
                                               print_)
                if replay is not None:
                    return _replayed(replay)
            result = await command(writer)
            response = _respond(result, schema, status_code, consistency.token_for(writer))
            if idempotency_key:
                await writer.insert(IDEMPOTENCY_KEYS, {
                    **self._record(response, idempotency_key, print_), "created_at": utcnow()})
        return response

    async def _fingerprint(self, idempotency_key: str | None) -> str:
        if not idempotency_key:
            return ""
        request = self.request
        return fingerprint(request.method, request.url.path, await request.body())

    def _record(self, response: Response, key: str, print_: str) -> dict[str, Any]:
        """The idempotency record of the response."""
        return {"tenant": self.principal.tenant, "subject": caller_scope(self.principal),
                "key": key, "fingerprint": print_, "status_code": response.status_code,
                "body": json.loads(bytes(response.body)) if response.body else None,
                "headers": {k: v for k, v in response.headers.items()
                            if k in ("etag", consistency.HEADER.lower())}}


def _retry_reason(exc: Exception) -> str | None:
    if isinstance(exc, ConcurrentWriteError):
        return "concurrent_write"
    driver_error = exc.orig if isinstance(exc, DBAPIError) else exc
    return RETRYABLE.get(getattr(driver_error, "sqlstate", None) or "")


def _replayed(replay: Replay) -> Response:
    return JSONResponse(replay.body, status_code=replay.status_code,
                        headers={**replay.headers, "Idempotent-Replayed": "true"})


def _respond(result: Any, schema: type[M] | None, status_code: int | Callable[[], int],
             token: str | None) -> Response:
    """The command's result as the schema, or a 204; with the consistency token."""
    if schema is None:
        response: Response = Response(status_code=204)
    else:
        response = entity_response(schema.model_validate(result),
                                   status_code() if callable(status_code) else status_code)
    if token:
        response.headers[consistency.HEADER] = token
    return response


async def get_writer(request: Request, principal: CurrentPrincipal) -> Writer:
    """Async so that FastAPI calls it in the event loop, not in its thread pool."""
    return Writer(request, principal)


Write = Annotated[Writer, Depends(get_writer)]
