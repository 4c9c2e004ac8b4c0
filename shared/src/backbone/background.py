"""A background event loop in its own thread, for work that must not queue behind requests.

The outbox relay runs here: on the request loop, each of its awaits would wait behind every
ready request coroutine, which showed up as a long latency tail under load.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any


class BackgroundLoop:
    def __init__(self, name: str) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name=name, daemon=True)
        self._tasks: list[asyncio.Task[Any]] = []

    def start(self) -> None:
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
