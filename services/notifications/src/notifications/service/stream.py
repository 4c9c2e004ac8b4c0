"""Live streams of recipients' notifications: a process-wide listener of the inbox
channel wakes the streams of the recipients it names, which then read what is new."""

from __future__ import annotations

import asyncio
import contextlib
from collections import defaultdict
from collections.abc import AsyncIterator

from sqlalchemy import select

from backbone.auth.principal import Principal
from backbone.db import SessionFactory
from backbone.pgnotify import listening
from notifications import schemas
from notifications.config import Settings
from notifications.models import Notification
from notifications.service import inbox
from notifications.service.notify import STREAM_CHANNEL

Key = tuple[str, str]  # (tenant, recipient subject)


class StreamHub:
    """Run as a worker of the app: one ``LISTEN`` connection for all of its streams."""

    name = "inbox-streams"
    serves_requests = True  # this process's streams wait on it

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._waiting: dict[Key, set[asyncio.Event]] = defaultdict(set)
        self.listening = asyncio.Event()  # set once notifications wake streams

    async def run(self) -> None:
        lost = asyncio.Event()
        async with listening(self.settings, STREAM_CHANNEL, self._on_notify) as connection:
            connection.add_termination_listener(lambda _: lost.set())
            self.listening.set()
            try:
                await lost.wait()  # or until cancelled
            finally:
                self.listening.clear()
        # Streams fall back to their keep-alive reads until the worker runs again.
        raise ConnectionError("the connection listening for new notifications was lost")

    def _on_notify(self, payload: str) -> None:
        tenant, _, subject = payload.partition("\n")
        for event in self._waiting.get((tenant, subject), ()):
            event.set()

    def subscribe(self, key: Key) -> asyncio.Event:
        """An event set whenever ``key`` may have something new (``unsubscribe`` it)."""
        event = asyncio.Event()
        self._waiting[key].add(event)
        return event

    def unsubscribe(self, key: Key, event: asyncio.Event) -> None:
        waiting = self._waiting.get(key)
        if waiting is not None:
            waiting.discard(event)
            if not waiting:
                del self._waiting[key]

    async def stream(self, sessionmaker: SessionFactory, principal: Principal,
                     after: int) -> AsyncIterator[str]:
        """The caller's notifications after ``after`` (their ``seq``), then each new one as
        it is made, as Server-Sent Events, until ``stream_max_s``."""
        key = (principal.tenant, principal.sub)
        woken = self.subscribe(key)
        loop = asyncio.get_running_loop()
        ends = loop.time() + self.settings.stream_max_s
        try:
            yield f"retry: 3000\n: stream after {after}\n\n"
            while loop.time() < ends:
                woken.clear()  # before reading, so what is made meanwhile wakes the next read
                async with sessionmaker() as session:
                    rows = (await session.execute(select(Notification).where(
                        *inbox.mine(principal), Notification.seq > after)
                        .order_by(Notification.seq).limit(100))).scalars().all()
                for row in rows:
                    data = schemas.NotificationRead.model_validate(row).model_dump_json()
                    yield f"id: {row.seq}\nevent: notification\ndata: {data}\n\n"
                    after = row.seq
                if len(rows) == 100:
                    continue
                wait = min(self.settings.stream_keepalive_s, max(ends - loop.time(), 0))
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(woken.wait(), wait)
                if not woken.is_set():
                    yield ": keep-alive\n\n"
        finally:
            self.unsubscribe(key, woken)
