"""Where nothing records spans, a service still gives every request a trace context (the
caller's trace, or a new one) and its events carry it in ``traceparent``: logs and events
of one flow keep one trace id across services."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import asyncpg
import httpx
import pytest

from agenda.app import SERVICE as AGENDA
from backbone.devstack.infra import Infrastructure
from backbone.devstack.processes import ServiceProcess, replicas_of
from backbone.testing import Tenant

DATABASE = "backbone_agenda_untraced"
CALLER_TRACE = "0af7651916cd43dd8448eb211c80319c"


@pytest.fixture
def untraced(infra: Infrastructure) -> Iterator[ServiceProcess]:
    with replicas_of(infra, AGENDA, DATABASE, count=1, OTEL_TRACES_SAMPLER="always_off",
                     BACKBONE_CONSUMER_GROUP=f"agenda-{DATABASE}") as (process,):
        yield process


def test_events_carry_the_callers_trace_or_a_new_one(
    infra: Infrastructure, untraced: ServiceProcess
) -> None:
    settings = infra.settings("agenda", database_name=DATABASE)
    tenant = Tenant(settings)
    caller = f"00-{CALLER_TRACE}-b7ad6b7169203331-01"
    traced = _organization(untraced, tenant, {"traceparent": caller})
    fresh = [_organization(untraced, tenant, {}) for _ in range(2)]

    parents = asyncio.run(_traceparents(settings.owner_asyncpg_dsn, [traced, *fresh]))
    version, trace_id, span_id, flags = parents[traced].split("-")
    assert (version, trace_id, flags) == ("00", CALLER_TRACE, "00")
    assert span_id not in ("b7ad6b7169203331", "0" * 16)
    fresh_traces = {parents[id_].split("-")[1] for id_ in fresh}
    assert len(fresh_traces) == 2
    assert CALLER_TRACE not in fresh_traces
    assert "0" * 32 not in fresh_traces


def _organization(process: ServiceProcess, tenant: Tenant, extra: dict[str, str]) -> str:
    answer = httpx.post(f"{process.url}/v1/organizations", headers={**tenant.admin, **extra},
                        json={"name": "Traced", "sector": "education"}, timeout=30)
    assert answer.status_code == 201, answer.text
    assert answer.headers["x-request-id"]
    return str(answer.json()["id"])


async def _traceparents(dsn: str, subjects: list[str]) -> dict[str, str]:
    connection = await asyncpg.connect(dsn)
    try:
        rows = await connection.fetch(
            "SELECT subject, traceparent FROM outbox WHERE type LIKE '%organization.created'"
            " AND subject = ANY($1::text[])", subjects)
    finally:
        await connection.close()
    assert len(rows) == len(subjects)
    return {row["subject"]: row["traceparent"] for row in rows}
