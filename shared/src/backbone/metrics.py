"""Prometheus metrics of the library (each service process exposes them on /metrics)."""

from prometheus_client import Counter, Gauge, Histogram

HTTP_REQUEST_DURATION = Histogram(
    "backbone_http_request_duration_seconds",
    "HTTP request duration by route template, method and status.",
    ["method", "route", "status"],
)
OUTBOX_BACKLOG = Gauge("backbone_outbox_backlog", "Unpublished outbox rows.")
OUTBOX_OLDEST_AGE = Gauge(
    "backbone_outbox_oldest_unpublished_age_seconds", "Age of the oldest unpublished outbox row."
)
OUTBOX_PUBLISHED = Counter("backbone_outbox_published_total", "Outbox rows published to Kafka.")
OUTBOX_PUBLISH_FAILURES = Counter(
    "backbone_outbox_publish_failures_total", "Relay batches that failed to publish."
)
CONSUMER_EVENTS = Counter(
    "backbone_consumer_events_total",
    "Events seen by a consumer, by outcome (applied, duplicate, ignored, dead_lettered).",
    ["consumer", "outcome"],
)
CONSUMER_LAG = Gauge(
    "backbone_consumer_lag",
    "Messages behind the partition end.",
    ["consumer", "topic", "partition"],
)
TRANSACTION_RETRIES = Counter(
    "backbone_transaction_retries_total",
    "Write transactions run again after a deadlock, a serialization failure or a "
    "concurrent write the command detected, by reason.",
    ["reason"],
)
