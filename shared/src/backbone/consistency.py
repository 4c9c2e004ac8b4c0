"""Read-your-writes across services: a write's response names the events it emitted; a
service handed that name waits, bounded, until it has applied them.

The token is opaque to clients: base64url JSON of ``[[type, id], ...]``, per initiative
(the Kafka key) and event type only the last event the write emitted. Events of one key
are consumed in order, so once a consumer has applied the last of a type it has seen every
earlier event of that key. A service waits only for the types it consumes; the inbox
(one row per applied event) says when it has applied them, whichever replica applied it.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import time
import uuid
from collections.abc import Iterable
from typing import Any, Protocol

from sqlalchemy import Uuid, any_, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY

from backbone.auth.tokens import InvalidTokenError, bearer_token
from backbone.events.inbox import InboxMessage
from backbone.http.problems import ProblemError

HEADER = "Backbone-Consistency-Token"
READ_MODEL_HINT = (f"If it was created moments ago in another service, it may not have "
                   f"arrived here yet: send that response's {HEADER} header with this "
                   "request to wait for it.")
"""What a 404 of an entity known here only from another service's events says."""
_EMITTED = "backbone_emitted_events"
MAX_EVENTS = 200


class Transaction(Protocol):
    """A session, or a row writer (``backbone.rowwrites``): what keeps ``info`` for one
    transaction."""

    @property
    def info(self) -> dict[Any, Any]: ...


def emitted(transaction: Transaction, key: str, type_: str,
            event_id: uuid.UUID | str) -> None:
    """Note an event the transaction adds (a later one of the same initiative and type
    replaces it)."""
    events: dict[tuple[str, str], str] = transaction.info.setdefault(_EMITTED, {})
    events.pop((key, type_), None)
    events[(key, type_)] = str(event_id)


def token_for(transaction: Transaction) -> str | None:
    """The token naming what the transaction emitted, or None."""
    events: dict[tuple[str, str], str] = transaction.info.get(_EMITTED, {})
    if not events:
        return None
    return encode([(type_, id_) for (_, type_), id_ in events.items()])


def encode(events: Iterable[tuple[str, uuid.UUID | str]]) -> str:
    """A token naming these (type, id) events (the last ``MAX_EVENTS`` of them)."""
    listed = [[type_, str(id_)] for type_, id_ in events][-MAX_EVENTS:]
    raw = json.dumps(listed, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def parse(token: str) -> list[tuple[str, uuid.UUID]]:
    """The (type, id) pairs a token names; ``ValueError`` when it is not a token."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        listed: Any = json.loads(raw)
        if not isinstance(listed, list) or len(listed) > MAX_EVENTS:
            raise ValueError("not a list of events")
        return [(str(t), uuid.UUID(str(i))) for t, i in listed]
    except (binascii.Error, TypeError, ValueError, UnicodeDecodeError) as exc:
        raise ValueError(f"not a {HEADER}") from exc


_APPLIED = select(func.count()).where(
    InboxMessage.consumer == bindparam("consumer"),
    InboxMessage.event_id == any_(bindparam("ids", type_=ARRAY(Uuid))))


async def wait_until_applied(app: Any, token: str, authorization: str) -> None:
    """Before a request with the header is handled (the edge layer,
    ``backbone.http.middleware.Edge``, calls this): wait until this service has applied
    the events the token names (those of types it consumes), at most
    ``BACKBONE_CONSISTENCY_WAIT_S``; then a 503 with ``Retry-After``.

    Only authenticated callers wait: anyone else gets the route's 401 at once, and cannot
    make the service poll for events on their behalf."""
    if not await _authenticated(app, authorization):
        return
    try:
        named = parse(token)
    except ValueError as exc:
        raise ProblemError(422, str(exc), kind="invalid-consistency-token", errors=[{
            "loc": ["header", HEADER], "msg": str(exc), "type": "invalid_token"}]) from exc
    consumed: Iterable[str] = app.state.consumed_types
    wanted = {i for t, i in named if t in consumed}
    if not wanted:
        return
    settings = app.state.settings
    deadline = time.monotonic() + settings.consistency_wait_s
    pause = 0.005
    parameters = {"consumer": settings.consumer_name, "ids": list(wanted)}
    while True:
        # A connection per look, so waiting requests hold none of the pool.
        async with app.state.read_sessionmaker() as session:
            applied = (await session.execute(_APPLIED, parameters)).scalar_one()
        if applied >= len(wanted):
            return
        if time.monotonic() >= deadline:
            raise ProblemError(
                503, f"This service has not applied {len(wanted) - applied} of the events "
                     f"the {HEADER} names yet; retry shortly.", kind="not-yet-consistent",
                headers={"Retry-After": "1"})
        await asyncio.sleep(pause)
        pause = min(pause * 2, 0.1)


async def _authenticated(app: Any, authorization: str) -> bool:
    token = bearer_token(authorization)
    if token is None:
        return False
    try:
        await app.state.token_validator.validate(token)
    except InvalidTokenError:
        return False
    return True
