"""Spans are recorded only when something exports them or a sampler is asked for."""

from opentelemetry.sdk.trace.sampling import ALWAYS_OFF

from backbone.telemetry import sampler_for


def test_nothing_exports_so_nothing_is_recorded() -> None:
    assert sampler_for({}) is ALWAYS_OFF


def test_an_exporter_leaves_sampling_to_the_sdk_defaults() -> None:
    assert sampler_for({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"}) is None


def test_an_explicit_sampler_wins() -> None:
    assert sampler_for({"OTEL_TRACES_SAMPLER": "parentbased_always_on"}) is None
