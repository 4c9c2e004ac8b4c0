"""The trace context the relay's events carry: its publish span's, or, where no span is
recorded, the writer's own (no span built only to be thrown away)."""

import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.sampling import ALWAYS_OFF, ALWAYS_ON, Sampler

from backbone.events import relay
from backbone.events.relay import OutboxRelay

WRITER = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
OTHER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
ROWS = [{"topic": "t", "traceparent": WRITER}, {"topic": "t", "traceparent": OTHER},
        {"topic": "t", "traceparent": WRITER}, {"topic": "t", "traceparent": None}]


def _tracing(monkeypatch: pytest.MonkeyPatch, sampler: Sampler) -> None:
    """The relay's tracer from an SDK provider with this sampler (an SDK tracer makes span
    ids even for spans it does not record)."""
    monkeypatch.setattr(relay, "tracer", TracerProvider(sampler=sampler).get_tracer("test"))
    monkeypatch.setattr(relay, "records_spans", lambda: sampler is not ALWAYS_OFF)


def test_without_recording_events_carry_their_writers_traceparent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _tracing(monkeypatch, ALWAYS_OFF)
    assert OutboxRelay._publish_spans(ROWS) == {WRITER: WRITER, OTHER: OTHER, None: None}


def test_recording_continues_each_writers_trace_in_a_span_of_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _tracing(monkeypatch, ALWAYS_ON)
    carried = OutboxRelay._publish_spans(ROWS)
    assert carried[None] is None
    for writer in (WRITER, OTHER):
        publish = carried[writer]
        assert publish is not None
        assert publish != writer
        assert publish.split("-")[1] == writer.split("-")[1]  # the same trace
