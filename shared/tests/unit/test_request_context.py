"""A request's trace context where no span is recorded: the caller's trace, a span id of
its own, not sampled (what a tracer with ``ALWAYS_OFF`` would give)."""

from opentelemetry import trace

from backbone.telemetry import request_context

CALLER = b"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"


def _span(traceparent: bytes | None) -> trace.SpanContext:
    return trace.get_current_span(request_context(traceparent)).get_span_context()


def test_the_callers_trace_is_continued_under_a_span_id_of_the_requests_own() -> None:
    span = _span(CALLER)
    assert format(span.trace_id, "032x") == "0af7651916cd43dd8448eb211c80319c"
    assert format(span.span_id, "016x") != "b7ad6b7169203331"
    assert span.is_valid
    assert not span.is_remote
    assert not span.trace_flags.sampled


def test_without_a_valid_caller_each_request_begins_a_trace() -> None:
    for traceparent in (None, b"", b"00-zz-b7ad6b7169203331-01",
                        b"00-00000000000000000000000000000000-b7ad6b7169203331-01"):
        first, second = _span(traceparent), _span(traceparent)
        assert first.is_valid
        assert second.is_valid
        assert first.trace_id != second.trace_id
