import asyncio
from contextlib import asynccontextmanager
from typing import Any

from backbone.db import FairSessions


@asynccontextmanager
async def fake_maker(**_: Any) -> Any:
    """Stands in for a sessionmaker (the fairness is all in FairSessions)."""
    yield object()


async def test_waiters_get_sessions_in_arrival_order_and_newcomers_do_not_barge() -> None:
    sessions = FairSessions(fake_maker, asyncio.Semaphore(1))
    order: list[str] = []
    release = asyncio.Event()

    async def use(name: str) -> None:
        async with sessions():
            order.append(name)
            if name == "holder":
                await release.wait()

    holder = asyncio.create_task(use("holder"))
    await asyncio.sleep(0)
    waiters = [asyncio.create_task(use(name)) for name in ("a", "b", "c")]
    await asyncio.sleep(0)
    assert order == ["holder"]  # the others wait for the one connection
    release.set()
    await asyncio.sleep(0)
    newcomer = asyncio.create_task(use("newcomer"))  # arrives as the holder leaves
    await asyncio.gather(holder, *waiters, newcomer)
    assert order == ["holder", "a", "b", "c", "newcomer"]
