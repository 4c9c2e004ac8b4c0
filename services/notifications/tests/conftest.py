from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import httpx
import pytest
import uvicorn
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from fastapi import FastAPI

from backbone.devstack.infra import Infrastructure
from backbone.devstack.ports import free_port
from backbone.events.consumer import EventConsumer
from backbone.events.envelope import CloudEvent
from backbone.events.registry import type_prefix
from backbone.readmodels.agenda.feed import AgendaFeed
from backbone.testing import client, service_app, wait_until
from notifications.app import SERVICE, consumed, create_app
from notifications.config import Settings
from notifications.receiver import MakeReceiver, Receiver, Reply

TIMEOUT_S = 1.5  # deliveries time out this fast here, so the timeout test is quick


class Mailbox:
    """What a real SMTP server (aiosmtpd, on loopback) received."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: SMTP, session: Session,  # noqa: N802 - aiosmtpd's
                          envelope: Envelope) -> str:
        message = message_from_bytes(envelope.original_content or b"", policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]

    async def wait_for(self, address: str, count: int = 1,
                       timeout_s: float = 30.0) -> list[EmailMessage]:
        """Until ``count`` messages to ``address`` have arrived; returns them."""
        async def arrived() -> bool:
            return len(self.to(address)) >= count

        await wait_until(arrived, timeout_s)
        return self.to(address)


@pytest.fixture(scope="session")
def smtp() -> Iterator[tuple[Mailbox, int]]:
    mailbox, port = Mailbox(), free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield mailbox, port
    controller.stop()


@pytest.fixture
def mailbox(smtp: tuple[Mailbox, int]) -> Mailbox:
    return smtp[0]


@pytest.fixture(scope="session")
async def notifications_app(infra: Infrastructure,
                            smtp: tuple[Mailbox, int]) -> AsyncIterator[FastAPI]:
    async with service_app(infra, SERVICE, create_app, Settings,
                           smtp_host="127.0.0.1", smtp_port=smtp[1], smtp_security="none",
                           mail_poll_interval_s=0.05, stream_keepalive_s=0.5,
                           digest_check_interval_s=86400.0,  # the tests run digests
                           webhook_allowed_networks=["127.0.0.0/8"], webhook_allow_http=True,
                           webhook_retry_schedule_s=[0.0, 0.1, 0.1, 0.1],
                           webhook_retry_jitter=0.0, webhook_timeout_s=TIMEOUT_S,
                           webhook_poll_interval_s=0.05) as app:
        yield app


@pytest.fixture
async def api(notifications_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with client(notifications_app, "notifications") as api:
        yield api


@pytest.fixture
def agenda(notifications_app: FastAPI) -> AgendaFeed:
    """Agenda's events as agenda publishes them, through this service's consumer (its read
    model of initiatives and the webhook fan-out)."""
    settings = notifications_app.state.settings
    return AgendaFeed(EventConsumer(settings, notifications_app.state.sessionmaker,
                                    consumed(settings)))


Measure = Callable[..., Awaitable[CloudEvent]]


def _publisher(agenda: AgendaFeed, service: str) -> Measure:
    """Applies an event of ``service`` (``name``, e.g. ``observation.rejected``) through the
    service's consumer, as that service publishes it; returns it."""
    async def publish(tenant: str, initiative: uuid.UUID, name: str, *,
                      at: datetime | None = None, **data: Any) -> CloudEvent:
        event = CloudEvent(id=uuid.uuid4(), source=f"/backbone/{service}",
                           type=f"{type_prefix(service)}{name}",
                           subject=str(data.get("id", uuid.uuid4())),
                           time=at or datetime.now(UTC), dataschema="", tenant=tenant,
                           initiative=str(initiative), traceparent=None,
                           data={"initiative_id": str(initiative), **data}, actor="ana",
                           actororg=str(uuid.uuid4()))
        await agenda.consumer.apply(event)
        return event

    return publish


@pytest.fixture
def measurement(agenda: AgendaFeed) -> Measure:
    """Applies a measurement event through the service's consumer."""
    return _publisher(agenda, "measurement")


@pytest.fixture
def activities(agenda: AgendaFeed) -> Measure:
    """Applies an activities event through the service's consumer."""
    return _publisher(agenda, "activities")


@asynccontextmanager
async def serving(app: FastAPI) -> AsyncIterator[str]:
    """A running app on a real loopback port (what streams need: the ASGI test transport
    waits for a whole response); its base URL."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(),
                                           lifespan="off", log_level="warning"))
    running = asyncio.create_task(server.serve())

    async def started() -> bool:
        return server.started

    await wait_until(started)
    try:
        yield f"http://127.0.0.1:{server.config.port}"
    finally:
        server.should_exit = True
        await running


@pytest.fixture
async def receiver() -> AsyncIterator[MakeReceiver]:
    servers: list[asyncio.Server] = []

    async def make(*replies: Reply) -> Receiver:
        made = Receiver(list(replies))
        servers.append(await made.start())
        return made

    yield make
    for server in servers:
        server.close()


@pytest.fixture
async def served(notifications_app: FastAPI) -> AsyncIterator[str]:
    async with serving(notifications_app) as url:
        yield url


@pytest.fixture
async def api_only(infra: Infrastructure, notifications_app: FastAPI) -> AsyncIterator[str]:
    """A second replica that only serves the API (no relay, consumers or workers), whose
    idle streams would wait a minute before looking again; its base URL."""
    async with service_app(infra, SERVICE, create_app, Settings, run_relay=False,
                           run_consumers=False, run_workers=False,
                           stream_keepalive_s=60.0) as app, serving(app) as url:
        listening = app.state.streams.listening

        async def listens() -> bool:
            return bool(listening.is_set())

        await wait_until(listens)
        yield url
