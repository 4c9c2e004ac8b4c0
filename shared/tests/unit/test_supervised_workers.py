"""A worker that fails is run again; one that is cancelled stops."""

from __future__ import annotations

import asyncio

import pytest

from backbone.http.app import supervised


class Flaky:
    name = "flaky"
    serves_requests = False

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.runs = 0
        self.working = asyncio.Event()

    async def run(self) -> None:
        self.runs += 1
        if self.runs <= self.failures:
            raise ConnectionError("the database went away")
        self.working.set()
        await asyncio.Event().wait()  # then works until cancelled


async def test_a_failed_worker_runs_again_until_it_is_cancelled() -> None:
    worker = Flaky(failures=2)
    task = asyncio.create_task(supervised(worker, pause_s=0))
    await asyncio.wait_for(worker.working.wait(), 5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert worker.runs == 3
