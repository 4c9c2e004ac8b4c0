"""One trace spans HTTP -> outbox -> Kafka -> consumer handler."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.contracts.agenda.events import INITIATIVE_CREATED
from backbone.db import create_sessionmaker
from backbone.devstack.infra import Infrastructure, consumer_database
from backbone.events.consumer import EventConsumer, Subscription
from backbone.events.envelope import CloudEvent
from backbone.testing import Tenant, wait_until


async def test_a_write_and_its_consumption_share_one_trace(
    api: httpx.AsyncClient, tenant: Tenant, infra: Infrastructure, agenda_app: Any
) -> None:
    provider = trace.get_tracer_provider()
    assert isinstance(provider, TracerProvider)
    exporter = InMemorySpanExporter()
    provider.add_span_processor(SimpleSpanProcessor(exporter))

    settings, engine = await consumer_database(infra, "tracetest", kafka_session_timeout_ms=2000,
                                               kafka_heartbeat_interval_ms=300)
    handled: list[CloudEvent] = []

    async def handle(_: AsyncSession, event: CloudEvent, __: object) -> None:
        if event.tenant == tenant.name:
            handled.append(event)

    consumer = EventConsumer(settings, create_sessionmaker(engine),
                             [Subscription(INITIATIVE_CREATED, handle)])
    task = asyncio.create_task(consumer.run())
    try:
        response = await api.post("/v1/initiatives", headers=tenant.admin, json={"name": "T"})
        assert response.status_code == 201

        async def consumed() -> bool:
            return bool(handled)

        await wait_until(consumed, timeout_s=30)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await engine.dispose()

    spans = exporter.get_finished_spans()
    server = next(s for s in spans if s.kind == trace.SpanKind.SERVER
                  and s.attributes and s.attributes.get("http.route") == "/v1/initiatives")
    publish = [s for s in spans if s.name == "publish backbone.agenda.v1"
               and s.context.trace_id == server.context.trace_id]
    consume = [s for s in spans if s.name == "consume org.backbone.agenda.initiative.created"
               and s.context.trace_id == server.context.trace_id]
    statements = [s for s in spans if s.kind == trace.SpanKind.CLIENT
                  and s.context.trace_id == server.context.trace_id and s.attributes
                  and s.attributes.get("db.operation") == "INSERT"]
    assert statements, "the request's SQL statements are spans of its trace"
    assert (statements[0].attributes or {}).get("db.system") == "postgresql"
    assert publish, "the relay's publish span continues the request's trace"
    assert consume, "the consumer's span continues the same trace"
    assert consume[0].parent is not None
    assert consume[0].parent.span_id == publish[0].context.span_id
