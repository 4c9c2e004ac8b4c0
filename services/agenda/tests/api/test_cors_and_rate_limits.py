"""The edge every service shares: CORS for browser frontends and rate limits per caller,
tried with real preflight requests and over-quota callers (through the library's
middleware, on agenda's app with its own settings)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from agenda.app import SERVICE, create_app
from agenda.config import Settings
from backbone.devstack.infra import Infrastructure
from backbone.testing import Tenant, client, service_app, wait_for_a_fresh_window

ORIGINS = ["https://app.riverside.example", "http://localhost:*"]


@pytest.fixture(scope="module")
async def edge_app(infra: Infrastructure) -> AsyncIterator[FastAPI]:
    async with service_app(infra, SERVICE, create_app, Settings, cors_allowed_origins=ORIGINS,
                           rate_limit_reads_per_minute=5, rate_limit_writes_per_minute=3,
                           run_consumers=False, run_relay=False) as app:
        yield app


@pytest.fixture
async def edge(edge_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with client(edge_app, "agenda") as api:
        yield api


async def test_preflight_requests_are_answered_for_allowed_origins_only(
    edge: httpx.AsyncClient,
) -> None:
    asks = {"Access-Control-Request-Method": "PATCH",
            "Access-Control-Request-Headers": "authorization, if-match, content-type"}
    for origin in ("https://app.riverside.example", "http://localhost:5173"):
        answer = await edge.options("/v1/initiatives/x", headers={"Origin": origin, **asks})
        assert answer.status_code == 200, answer.text
        assert answer.headers["access-control-allow-origin"] == origin
        assert "PATCH" in answer.headers["access-control-allow-methods"]
        assert "if-match" in answer.headers["access-control-allow-headers"].lower()
        assert "access-control-allow-credentials" not in answer.headers
    for origin in ("https://evil.example", "http://localhost.evil.example:80",
                   "https://app.riverside.example.evil"):
        refused = await edge.options("/v1/initiatives", headers={"Origin": origin, **asks})
        assert "access-control-allow-origin" not in refused.headers, origin


async def test_a_frontend_reads_the_headers_it_needs(
    edge: httpx.AsyncClient, tenant: Tenant,
) -> None:
    made = await edge.post("/v1/initiatives", json={"name": "Browser-made"},
                           headers={**tenant.admin, "Origin": "http://localhost:3000"})
    assert made.status_code == 201, made.text
    assert made.headers["access-control-allow-origin"] == "http://localhost:3000"
    exposed = {h.strip().lower() for h in
               made.headers["access-control-expose-headers"].split(",")}
    assert {"etag", "location", "backbone-consistency-token", "retry-after", "ratelimit",
            "ratelimit-policy"} <= exposed
    unauthorized = await edge.get("/v1/initiatives", headers={"Origin": "http://localhost:3"})
    assert unauthorized.status_code == 401  # errors are readable cross-origin too
    assert unauthorized.headers["access-control-allow-origin"] == "http://localhost:3"


async def test_over_its_quota_a_caller_gets_429_and_others_do_not(
    edge: httpx.AsyncClient, tenant: Tenant,
) -> None:
    ana = tenant.headers("network:admin")
    await asyncio.sleep(wait_for_a_fresh_window())
    remaining = []
    for _ in range(3):
        made = await edge.post("/v1/initiatives", headers=ana, json={"name": "Quota"})
        assert made.status_code == 201
        assert made.headers["ratelimit-policy"] == '"writes";q=3;w=60'
        fields = re.fullmatch(r'"writes";r=(\d+);t=(\d+)', made.headers["ratelimit"])
        assert fields is not None, made.headers["ratelimit"]
        remaining.append(int(fields[1]))
    assert remaining == [2, 1, 0]
    over = await edge.post("/v1/initiatives", headers=ana, json={"name": "One too many"})
    assert over.status_code == 429
    assert over.headers["content-type"] == "application/problem+json"
    assert over.json()["type"] == "urn:backbone:problem:rate-limited"
    assert 1 <= int(over.headers["retry-after"]) <= 60
    assert over.headers["ratelimit"].startswith('"writes";r=0;')
    names = [i["name"] for i in (await edge.get("/v1/initiatives", headers=ana)).json()["items"]]
    assert "One too many" not in names  # refused, not stored
    ben = {"Authorization": f"Bearer {tenant.token('network:admin', sub='ben')}"}
    assert (await edge.post("/v1/initiatives", headers=ben, json={"name": "Ben's"})
            ).status_code == 201  # another caller has a quota of its own
    assert (await edge.get("/healthz")).headers.get("ratelimit") is None
