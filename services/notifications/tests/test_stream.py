"""The live stream (Server-Sent Events) over a real HTTP connection: new notifications as
they are made, and what was missed after reconnecting with Last-Event-ID."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx

from backbone.readmodels.agenda.feed import AgendaFeed
from backbone.testing import Tenant


async def _events(lines: AsyncIterator[str]) -> AsyncIterator[dict[str, Any]]:
    """The stream's events (comments skipped), as their fields."""
    fields: dict[str, Any] = {}
    async for line in lines:
        if line == "":
            if "data" in fields:
                yield fields
            fields = {}
        elif not line.startswith(":"):
            name, _, value = line.partition(": ")
            fields[name] = value


async def test_the_stream_sends_new_notifications_and_resumes_after_the_last_seen(
    served: str, api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant,
) -> None:
    initiative = await agenda.initiative(tenant.name)
    me = {"Authorization": "Bearer " + tenant.token(f"initiative:{initiative}:viewer",
                                                    sub="ana")}
    assert (await api.put("/v1/me/preferences", headers=me, json={})).status_code == 200
    await agenda.decision(tenant.name, initiative, "Before the stream")  # not sent: old
    async with httpx.AsyncClient(base_url=served, timeout=30) as http, http.stream(
            "GET", "/v1/me/stream", headers=me) as stream:
        assert stream.status_code == 200
        assert stream.headers["content-type"].startswith("text/event-stream")
        events = _events(stream.aiter_lines())
        await agenda.decision(tenant.name, initiative, "While streaming")
        first = await asyncio.wait_for(anext(events), 30)
    assert first["event"] == "notification"
    seen = json.loads(first["data"])
    assert seen["title"] == "Decision recorded: While streaming"
    assert first["id"] == str(seen["seq"])
    for n in range(2):  # made while disconnected
        await agenda.decision(tenant.name, initiative, f"Missed {n}")
    async with httpx.AsyncClient(base_url=served, timeout=30) as http, http.stream(
            "GET", "/v1/me/stream", headers={**me, "Last-Event-ID": first["id"]}) as stream:
        events = _events(stream.aiter_lines())
        missed = [json.loads((await asyncio.wait_for(anext(events), 30))["data"])["title"]
                  for _ in range(2)]
    assert missed == ["Decision recorded: Missed 0", "Decision recorded: Missed 1"]


async def test_the_stream_needs_a_token_and_a_numeric_last_event_id(
    served: str, tenant: Tenant,
) -> None:
    async with httpx.AsyncClient(base_url=served, timeout=30) as http:
        assert (await http.get("/v1/me/stream")).status_code == 401
        bad = await http.get("/v1/me/stream", headers={
            **tenant.headers(f"initiative:{uuid.uuid4()}:viewer"), "Last-Event-ID": "x"})
        assert bad.status_code == 422


async def test_an_api_only_replica_still_wakes_its_streams(
    api_only: str, api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant,
) -> None:
    """Its listener serves its own requests, so it runs where workers do not: a new
    notification reaches the stream at once, not at the next minute's look."""
    initiative = await agenda.initiative(tenant.name)
    me = {"Authorization": "Bearer " + tenant.token(f"initiative:{initiative}:viewer",
                                                    sub="ben")}
    assert (await api.put("/v1/me/preferences", headers=me, json={})).status_code == 200
    async with httpx.AsyncClient(base_url=api_only, timeout=60) as http, http.stream(
            "GET", "/v1/me/stream", headers=me) as stream:
        events = _events(stream.aiter_lines())
        await agenda.decision(tenant.name, initiative, "Heard on another replica")
        got = await asyncio.wait_for(anext(events), 30)
    assert json.loads(got["data"])["title"] == "Decision recorded: Heard on another replica"
