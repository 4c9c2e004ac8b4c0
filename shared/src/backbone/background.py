"""A background event loop in its own thread, for work that must not queue behind requests.

The outbox relay runs here: on the request loop, each of its awaits would wait behind every
ready request coroutine, which showed up as a long latency tail under load.

The thread still shares the interpreter lock with the request loop, and Python makes a
running thread hand the lock over only every "switch interval" (5 ms by default). Each of
the relay's awaits that became ready while a request was running waited up to that long,
several times per published batch: at 100 writes/s the commit-to-handler p99 was 65 ms
with the default. A shorter interval costs CPU under load, as every forced hand-over is a
thread switch: at 0.2 ms the relay thread spent 0.41 ms of CPU per create under 64
concurrent creates, at ``SWITCH_INTERVAL_S`` (1 ms) 0.22 ms (each round takes more
events), with the same p99 at 100 writes/s (20-25 ms against 21-22 ms;
``docs/benchmarks.md``). A loop started here sets it for the process.
"""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import Coroutine
from typing import Any

SWITCH_INTERVAL_S = 0.001


class BackgroundLoop:
    def __init__(self, name: str) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name=name, daemon=True)
        self._tasks: list[asyncio.Task[Any]] = []

    def start(self) -> None:
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        self._thread.start()

    def run(self, coroutine: Coroutine[Any, Any, Any]) -> None:
        """Run a long-lived coroutine on this loop until ``stop``."""

        async def track() -> None:
            self._tasks.append(asyncio.current_task())  # type: ignore[arg-type]
            await coroutine

        asyncio.run_coroutine_threadsafe(track(), self._loop)

    async def stop(self) -> None:
        """Cancel what runs here, wait for it to finish, and end the thread."""

        async def cancel_all() -> None:
            for task in self._tasks:
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)

        await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(cancel_all(), self._loop))
        self._loop.call_soon_threadsafe(self._loop.stop)
        await asyncio.to_thread(self._thread.join, 10)
        self._loop.close()
