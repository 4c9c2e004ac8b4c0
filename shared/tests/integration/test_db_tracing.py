"""Statement spans: made inside a recorded trace only, marked as errors when a statement fails."""

from __future__ import annotations

import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from backbone.db import create_engine
from backbone.db_tracing import trace_statements
from backbone.settings import BaseServiceSettings
from backbone.telemetry import setup_tracing


async def test_statements_are_spans_of_the_recorded_trace_they_run_in(
    lib_settings: BaseServiceSettings,
) -> None:
    setup_tracing("library-test")  # the process's provider (tests record spans)
    provider = trace.get_tracer_provider()
    assert isinstance(provider, TracerProvider)
    exporter = InMemorySpanExporter()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    outer = trace.get_tracer("test")
    engine = create_engine(lib_settings)
    trace_statements(engine.sync_engine)
    try:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))  # no trace: no span
            with outer.start_as_current_span("request") as request:
                await conn.execute(text("SELECT 2"))
                with pytest.raises(DBAPIError):
                    await conn.execute(text("SELECT 1 / 0"))
    finally:
        await engine.dispose()

    statements = [s for s in exporter.get_finished_spans() if s.kind == trace.SpanKind.CLIENT]
    assert [s.attributes["db.query.text"] for s in statements if s.attributes] == [
        "SELECT 2", "SELECT 1 / 0"]
    assert all(s.parent is not None and s.parent.span_id == request.get_span_context().span_id
               for s in statements)
    ok, failed = statements
    assert ok.name == f"SELECT {lib_settings.database_name}"
    assert ok.status.status_code == trace.StatusCode.UNSET
    assert failed.status.status_code == trace.StatusCode.ERROR
    assert failed.attributes is not None
    assert failed.attributes["error.type"] == "22012"  # division_by_zero
