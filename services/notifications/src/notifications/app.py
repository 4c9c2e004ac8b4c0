"""The notifications service: continuous communication, starting with signed webhooks."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fastapi import FastAPI

from backbone.db import SessionFactory
from backbone.events.consumer import EventConsumer
from backbone.http.app import Worker, create_service_app
from backbone.readmodels.agenda import AGENDA, Entity, subscriptions
from backbone.service import ServiceSpec
from notifications.api import endpoints, feed
from notifications.config import Settings
from notifications.events import registry
from notifications.service import fanout
from notifications.service import feed as activity
from notifications.service.worker import DeliveryWorker

DESCRIPTION = """
**Notifications**: how Backbone reaches the systems around it.

**Webhooks** follow the Standard Webhooks specification: each delivery is the CloudEvent in
structured JSON, signed (`webhook-id` = the event id, stable across retries;
`webhook-timestamp`; `webhook-signature` = `v1,` HMAC-SHA256 of `id.timestamp.body` with the
endpoint's `whsec_` secret, two signatures while a rotated-out secret is still honoured).
An endpoint receives only the events of its network, or of its one initiative; deliveries
are retried on a schedule (at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), a `410`
disables the endpoint, and only globally routable addresses are ever connected to.

The **activity feed** of an initiative lists every event of it, from every service (who did
what to which entity, and when; never the data), to its members, within their permissions.

Initiatives come from the agenda service's events (`backbone.agenda.v1`). Every change is
published as a CloudEvent on `backbone.notifications.v1` (see `GET /v1/event-types`).

All routes need a bearer JWT. Errors are RFC 9457 `application/problem+json`.
"""

TAGS = [{"name": "webhooks", "description": "Endpoints, secrets, delivery logs and replay."},
        {"name": "feed", "description": "Every event of an initiative: who did what, when."}]

MIGRATIONS = Path(__file__).parent / "migrations"

SERVICE = ServiceSpec(name="notifications", port=8004, app="notifications.app:create_app",
                      migrations=MIGRATIONS, events="notifications.events:registry",
                      read_models=(AGENDA,), passes_on=fanout.PUBLISHERS)


def create_app(settings: Settings | None = None) -> FastAPI:
    config = settings or Settings()

    def consumers(sessionmaker: SessionFactory) -> Sequence[EventConsumer]:
        return [EventConsumer(config, sessionmaker,
                              [*subscriptions(Entity.INITIATIVES), *fanout.SUBSCRIPTIONS,
                               *activity.SUBSCRIPTIONS])]

    def workers(sessionmaker: SessionFactory) -> Sequence[Worker]:
        return [DeliveryWorker(config, sessionmaker)]

    return create_service_app(
        config,
        title="Backbone notifications API",
        description=DESCRIPTION,
        routers=[endpoints.router, feed.router],
        registry=registry,
        spec=SERVICE,
        openapi_tags=TAGS,
        consumers=consumers,
        workers=workers,
    )
