"""FastAPI dependencies: the caller, database sessions and the write runner."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Annotated, Any, TypeVar

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
from backbone.db import ConcurrentWriteError, in_tenant
from backbone.events.actor import acting_as
from backbone.http.etag import etag_for
from backbone.http.idempotency import IdempotencyRecord, caller_scope, find_replay, fingerprint
from backbone.http.problems import ProblemError
from backbone.http.query import check_query_parameters
from backbone.rows import Rows

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
    """Runs one command in one transaction: the single place where sessions commit.

    The command changes state and adds outbox events; the response is stored under the
    ``Idempotency-Key`` (if any) in the same transaction. A transaction the database aborts
    to break a deadlock (or a serialization conflict), or that the command found overtaken
    by a concurrent one (``ConcurrentWriteError``), is run again, up to three times: it
    left nothing behind, so running it again neither loses nor duplicates anything.
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
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with acting_as(self.principal):
                    return await self._run_once(command, schema, status_code,
                                                idempotency_key)
            except (DBAPIError, ConcurrentWriteError) as exc:
                reason = (RETRYABLE.get(getattr(exc.orig, "sqlstate", None) or "")
                          if isinstance(exc, DBAPIError) else "concurrent_write")
                if attempt == ATTEMPTS or reason is None:
                    raise
                metrics.TRANSACTION_RETRIES.labels(reason).inc()
        raise AssertionError("unreachable")

    async def _run_once(
        self,
        command: Callable[[AsyncSession], Awaitable[Any]],
        schema: type[M] | None,
        status_code: int | Callable[[], int],
        idempotency_key: str | None,
    ) -> Response:
        request = self.request
        async with request.app.state.sessionmaker() as session, session.begin():
            await in_tenant(session, self.principal.tenant)
            print_ = ""
            if idempotency_key:
                print_ = fingerprint(request.method, request.url.path, await request.body())
                replay = await find_replay(session, self.principal.tenant,
                                           caller_scope(self.principal), idempotency_key,
                                           print_)
                if replay is not None:
                    return JSONResponse(
                        replay.body, status_code=replay.status_code,
                        headers={**replay.headers, "Idempotent-Replayed": "true"},
                    )
            result = await command(session)
            body: Any = None
            if schema is None:
                response: Response = Response(status_code=204)
            else:
                if session.new or session.dirty or session.deleted:
                    await session.flush()  # so that the response shows what is stored
                model = schema.model_validate(result)
                response = entity_response(
                    model, status_code() if callable(status_code) else status_code)
                if idempotency_key:
                    body = json.loads(bytes(response.body))
            token = consistency.token_for(session)
            if token:
                response.headers[consistency.HEADER] = token
            if idempotency_key:
                session.add(
                    IdempotencyRecord(
                        tenant=self.principal.tenant,
                        subject=caller_scope(self.principal),
                        key=idempotency_key,
                        fingerprint=print_,
                        status_code=response.status_code,
                        body=body,
                        headers={k: v for k, v in response.headers.items()
                                 if k in ("etag", consistency.HEADER.lower())},
                    )
                )
        return response


async def get_writer(request: Request, principal: CurrentPrincipal) -> Writer:
    """Async so that FastAPI calls it in the event loop, not in its thread pool."""
    return Writer(request, principal)


Write = Annotated[Writer, Depends(get_writer)]
