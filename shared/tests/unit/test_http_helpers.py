import uuid
from datetime import UTC, datetime

import httpx
import pytest
from fastapi import FastAPI
from hypothesis import given
from hypothesis import strategies as st

from backbone.db import ConcurrentWriteError
from backbone.errors import PreconditionFailed
from backbone.events.envelope import CloudEvent
from backbone.http.etag import check_if_match, etag_for
from backbone.http.pagination import CURSOR_PATTERN, decode_cursor, encode_cursor
from backbone.http.problems import from_domain, install_problem_handlers


@given(st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2200, 1, 1),
                    timezones=st.just(UTC)), st.uuids())
def test_cursors_round_trip_and_match_their_pattern(at: datetime, id_: uuid.UUID) -> None:
    import re

    cursor = encode_cursor(at, id_)
    assert re.match(CURSOR_PATTERN, cursor)
    assert decode_cursor(cursor) == (at, id_)


def test_if_match_accepts_the_current_etag_lists_and_star_only() -> None:
    check_if_match(None, 3)
    check_if_match('"3"', 3)
    check_if_match('W/"3"', 3)
    check_if_match('"1", "3"', 3)
    check_if_match("*", 3)
    with pytest.raises(PreconditionFailed) as stale:
        check_if_match('"2"', 3)
    assert from_domain(stale.value).status == 412
    assert etag_for(3) == '"3"'


def test_cloudevents_round_trip_through_kafka_headers() -> None:
    event = CloudEvent(id=uuid.uuid4(), source="/backbone/agenda", type="org.backbone.x.y.z",
                       subject="s", time=datetime.now(UTC), dataschema="urn:x", tenant="t",
                       initiative=None, traceparent=None, data={"a": 1})
    assert CloudEvent.from_kafka(event.headers(), event.value()) == event
    assert ("ce_initiative", b"") not in event.headers()


@pytest.mark.parametrize("headers", [[], [("ce_specversion", b"0.3"), ("ce_id", b"x")]])
def test_messages_that_are_not_cloudevents_are_rejected(headers: list) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        CloudEvent.from_kafka(headers, b"{}")


async def test_a_command_still_overtaken_after_its_retries_is_a_409_problem() -> None:
    app = FastAPI()
    install_problem_handlers(app)

    @app.post("/things")
    async def create() -> None:
        raise ConcurrentWriteError("overtaken again")

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.post("/things")
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == "urn:backbone:problem:conflict"
