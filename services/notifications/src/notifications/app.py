"""The notifications service: continuous communication (webhooks, inbox, announcements,
email, digests, live stream, activity feed)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from backbone.db import SessionFactory
from backbone.events.consumer import AllEventsOf, EventConsumer, Subscription
from backbone.http.app import Worker, create_service_app
from backbone.readmodels.agenda import AGENDA, Entity, subscriptions
from backbone.service import ServiceSpec
from notifications.api import announcements, endpoints, feed, me, recipients
from notifications.config import Settings
from notifications.events import registry
from notifications.service import fanout, rules
from notifications.service import feed as activity
from notifications.service.digests import DigestWorker
from notifications.service.mail import MailWorker
from notifications.service.stream import StreamHub
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

**People** hear of what concerns them: rules turn events into notifications (an observation
rejected reaches the organization that reported it; a decision, the initiative's members;
an announcement, its audience), kept in each recipient's inbox, streamed live (Server-Sent
Events) and emailed, one by one or as a daily or weekly digest, as their preferences say.

The **activity feed** of an initiative lists every event of it, from every service (who did
what to which entity, and when; never the data), to its members, within their permissions.

Initiatives come from the agenda service's events (`backbone.agenda.v1`). Every change is
published as a CloudEvent on `backbone.notifications.v1` (see `GET /v1/event-types`).

All routes need a bearer JWT. Errors are RFC 9457 `application/problem+json`.
"""

TAGS = [{"name": "webhooks", "description": "Endpoints, secrets, delivery logs and replay."},
        {"name": "inbox", "description": "The caller's preferences, notifications and live "
                                         "stream."},
        {"name": "announcements", "description": "Backbone staff's messages to an audience."},
        {"name": "recipients", "description": "Who notifications reach (CRM sync)."},
        {"name": "feed", "description": "Every event of an initiative: who did what, when."}]
KEPT = (Entity.INITIATIVES, Entity.ORGANIZATIONS, Entity.PARTICIPANTS, Entity.WORKING_GROUPS)
"""The agenda entities this service keeps: rules reach people through them."""

MIGRATIONS = Path(__file__).parent / "migrations"

SERVICE = ServiceSpec(name="notifications", port=8004, app="notifications.app:create_app",
                      migrations=MIGRATIONS, events="notifications.events:registry",
                      read_models=(AGENDA,), passes_on=fanout.PUBLISHERS,
                      demo="notifications.demo:load")


def create_app(settings: Settings | None = None) -> FastAPI:
    config = settings or Settings()
    streams = StreamHub(config)

    def consumers(sessionmaker: SessionFactory) -> Sequence[EventConsumer]:
        return [EventConsumer(config, sessionmaker, consumed(config))]

    def workers(sessionmaker: SessionFactory) -> Sequence[Worker]:
        running: list[Worker] = [DeliveryWorker(config, sessionmaker), streams]
        if config.smtp_host:
            running += [MailWorker(config, sessionmaker), DigestWorker(config, sessionmaker)]
        return running

    app = create_service_app(
        config,
        title="Backbone notifications API",
        description=DESCRIPTION,
        routers=[endpoints.router, me.router, announcements.router, recipients.router,
                 feed.router],
        registry=registry,
        spec=SERVICE,
        openapi_tags=TAGS,
        consumers=consumers,
        workers=workers,
    )
    app.state.streams = streams
    return app


def consumed(settings: Settings) -> list[Subscription[Any] | AllEventsOf]:
    """What the service's consumer applies, in order: the read model first, then the
    reactions that read it."""
    return [*subscriptions(*KEPT), *fanout.SUBSCRIPTIONS, *activity.SUBSCRIPTIONS,
            *rules.subscriptions(settings)]
