"""OpenTelemetry tracing and structured JSON logging with trace ids.

Traces are exported over OTLP when the standard ``OTEL_EXPORTER_OTLP_ENDPOINT`` is set,
sampled as the standard ``OTEL_TRACES_SAMPLER`` says (parent-based, always on, by default).
With no exporter, spans are not recorded unless ``OTEL_TRACES_SAMPLER`` asks for it: trace
and span ids are still made and propagated (so they appear in logs and on events), but no
span is built only to be thrown away: a request then gets its trace context from
``request_context`` instead of FastAPI's server span. The W3C ``traceparent`` of the
request is stored on each outbox row, the relay publishes under it and the consumer
continues it, so one trace spans the whole flow.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from typing import Any

import structlog
from opentelemetry import context, propagate, trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.sdk.trace.id_generator import RandomIdGenerator
from opentelemetry.sdk.trace.sampling import ALWAYS_OFF, Sampler
from opentelemetry.trace import NonRecordingSpan, SpanContext, TraceFlags

tracer = trace.get_tracer("backbone")


def sampler_for(environ: Mapping[str, str]) -> Sampler | None:
    """``ALWAYS_OFF`` when nothing would export the spans and no sampler is asked for;
    otherwise None: the SDK's choice from ``OTEL_TRACES_SAMPLER``."""
    if environ.get("OTEL_EXPORTER_OTLP_ENDPOINT") or environ.get("OTEL_TRACES_SAMPLER"):
        return None
    return ALWAYS_OFF


def setup_tracing(service_name: str) -> None:
    """Install a tracer provider once per process (a second call is a no-op)."""
    if isinstance(trace.get_tracer_provider(), TracerProvider):
        return
    provider = TracerProvider(resource=Resource.create({"service.name": service_name}),
                              sampler=sampler_for(os.environ))
    if os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT"):
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)


def records_spans() -> bool:
    """Whether this process's tracer provider keeps any span (it samples, so something
    exports or collects them)."""
    provider = trace.get_tracer_provider()
    return isinstance(provider, TracerProvider) and provider.sampler is not ALWAYS_OFF


_ids = RandomIdGenerator()


def request_context(traceparent: bytes | None) -> context.Context:
    """The trace context of a request when no span is recorded: the caller's trace (its
    ``traceparent``, if valid) or a new one, and a span id of this request's own, not
    sampled. What an SDK tracer with ``ALWAYS_OFF`` gives, without building a span."""
    parent = (propagate.extract({"traceparent": traceparent.decode("latin-1")})
              if traceparent else context.Context())
    caller = trace.get_current_span(parent).get_span_context()
    span = NonRecordingSpan(SpanContext(
        trace_id=caller.trace_id if caller.is_valid else _ids.generate_trace_id(),
        span_id=_ids.generate_span_id(), is_remote=False,
        trace_flags=TraceFlags(TraceFlags.DEFAULT), trace_state=caller.trace_state))
    return trace.set_span_in_context(span, parent)


def current_traceparent() -> str | None:
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    return carrier.get("traceparent")


def context_from_traceparent(traceparent: str | None) -> context.Context:
    return propagate.extract({"traceparent": traceparent} if traceparent else {})


def _add_trace_ids(_: Any, __: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    span_context = trace.get_current_span().get_span_context()
    if span_context.is_valid:
        event_dict["trace_id"] = format(span_context.trace_id, "032x")
        event_dict["span_id"] = format(span_context.span_id, "016x")
    return event_dict


def setup_logging(service_name: str, level: str = "INFO", json_logs: bool = True) -> None:
    """Route stdlib and structlog logging through one JSON (or console) renderer."""
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        _add_trace_ids,
        lambda _, __, ed: {"service": service_name, **ed},
    ]
    renderer: Any = (
        structlog.processors.JSONRenderer() if json_logs else structlog.dev.ConsoleRenderer()
    )
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            processors=[
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.processors.format_exc_info,
                renderer,
            ],
            foreign_pre_chain=shared,
        )
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("aiokafka").setLevel(max(logging.WARNING, root.level))
