"""Webhook receivers on loopback: one answering with scripted replies and recording every
request, for the tests of deliveries; and the embedded stack's demo receiver, which
verifies each delivery's signature and keeps it in a folder."""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from standardwebhooks.webhooks import Webhook, WebhookVerificationError


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    hold: asyncio.Event | None = None  # answer only once this is set


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float = field(default_factory=time.perf_counter)  # when its body had arrived


@dataclass
class Receiver:
    """A webhook receiver on loopback: answers with the scripted replies in turn (then
    with ``otherwise``, a 200 unless told), and records every request it gets."""

    replies: list[Reply] = field(default_factory=list)
    otherwise: Reply = field(default_factory=Reply)  # once the scripted replies are used
    requests: list[Received] = field(default_factory=list)
    keep: Callable[[Received], None] | None = None  # instead of keeping them in `requests`
    port: int = 0
    _arrived: asyncio.Condition = field(default_factory=asyncio.Condition)

    async def start(self) -> asyncio.Server:
        """Listen on a free loopback port (close the server to stop)."""
        server = await asyncio.start_server(self.handle, "127.0.0.1", 0)
        self.port = server.sockets[0].getsockname()[1]
        return server

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks"

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = (await reader.readuntil(b"\r\n\r\n")).decode()
        request_line, *lines = head.split("\r\n")
        headers = {k.strip().lower(): v.strip()
                   for k, _, v in (line.partition(":") for line in lines if line)}
        body = await reader.readexactly(int(headers.get("content-length", "0")))
        reply = self.replies.pop(0) if self.replies else self.otherwise
        got = Received(request_line.split(" ")[1], headers, body)
        if self.keep is not None:
            self.keep(got)
        else:
            async with self._arrived:
                self.requests.append(got)
                self._arrived.notify_all()
        if reply.hold is not None:
            await reply.hold.wait()
        extra = "".join(f"{k}: {v}\r\n" for k, v in reply.headers.items())
        with contextlib.suppress(ConnectionError):  # the sender may have given up
            writer.write(f"HTTP/1.1 {reply.status} X\r\ncontent-length: 2\r\n{extra}"
                         "connection: close\r\n\r\nok".encode())
            await writer.drain()
        writer.close()

    async def wait_for(self, count: int, timeout_s: float = 30.0) -> list[Received]:
        """Until ``count`` requests have arrived; returns them."""
        async with self._arrived:
            await asyncio.wait_for(self._arrived.wait_for(lambda: len(self.requests) >= count),
                                   timeout_s)
        return self.requests


MakeReceiver = Callable[..., Awaitable[Receiver]]
"""Starts a receiver with the given replies (a pytest fixture of the service's tests)."""


class DemoReceiver:
    """The demo's endpoint: in a thread of the stack's process, it appends each delivery to
    ``received.jsonl`` in ``folder``, with whether its signature verified with ``secret``
    (set once the endpoint is made), and says so in the stack's output."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.log = folder / "received.jsonl"
        self.secret: str | None = None
        self._receiver = Receiver(keep=self._keep)

    def start(self) -> str:
        """Starts listening (for as long as the process runs); the endpoint URL."""
        loop = asyncio.new_event_loop()
        started = threading.Event()

        def serve() -> None:
            asyncio.set_event_loop(loop)
            loop.run_until_complete(self._receiver.start())
            started.set()
            loop.run_forever()

        threading.Thread(target=serve, name="demo-webhook-receiver", daemon=True).start()
        started.wait(10)
        return self._receiver.url

    def _keep(self, got: Received) -> None:
        verified = False
        if self.secret is not None:
            with contextlib.suppress(WebhookVerificationError):
                Webhook(self.secret).verify(got.body, got.headers)
                verified = True
        event = json.loads(got.body)
        line = {"webhook-id": got.headers.get("webhook-id"), "type": event.get("type"),
                "subject": event.get("subject"), "verified": verified, "event": event}
        with self.log.open("a") as out:
            out.write(json.dumps(line) + "\n")
        signature = "verified" if verified else "NOT verified"
        print(f"webhook {event.get('type')} received, signature {signature}, in {self.log}",
              flush=True)
