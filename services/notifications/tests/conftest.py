from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from backbone.devstack.infra import Infrastructure
from backbone.events.consumer import EventConsumer
from backbone.readmodels.agenda import Entity, subscriptions
from backbone.readmodels.agenda.feed import AgendaFeed
from backbone.testing import client, service_app
from notifications.app import SERVICE, create_app
from notifications.config import Settings
from notifications.receiver import MakeReceiver, Receiver, Reply
from notifications.service import fanout
from notifications.service import feed as activity

TIMEOUT_S = 1.5  # deliveries time out this fast here, so the timeout test is quick


@pytest.fixture(scope="session")
async def notifications_app(infra: Infrastructure) -> AsyncIterator[FastAPI]:
    async with service_app(infra, SERVICE, create_app, Settings,
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
    return AgendaFeed(EventConsumer(
        notifications_app.state.settings, notifications_app.state.sessionmaker,
        [*subscriptions(Entity.INITIATIVES), *fanout.SUBSCRIPTIONS,
         *activity.SUBSCRIPTIONS]))


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
