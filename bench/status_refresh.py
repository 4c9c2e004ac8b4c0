"""What the status recomputation costs a single write: one observation at a time into the
five-year monthly indicator of ``series.py`` (10,080 observations, three dimensions).

Each single write decides the small cells of the periods whose approved data changed and
recomputes the overall progress status in both views (``refresh_status``), in the write's
transaction. This prints the end-to-end latency of single writes (one connection, one
after another), the latency of ``refresh_status`` alone on the same data (run in this
process against the same database, rolled back), and the share of the one in the other.
``refresh_status`` alone runs twice: with the figures of the data before the write kept in
this process (as in the process that made the previous write), so only the written period
is read again, and with nothing kept (as in a process that did not), so every period is.

    .venv/bin/python bench/status_refresh.py [--writes 60]
"""

from __future__ import annotations

import argparse
import asyncio
import time

import httpx
from harness import running
from ingest import PLACES, announce_initiative
from loadgen import p50_p99
from series import seed
from sqlalchemy import select

from backbone.auth.tokens import mint_token
from backbone.db import create_engine, create_sessionmaker, in_tenant
from backbone.devstack.infra import Infrastructure
from measurement.app import SERVICE
from measurement.models import Indicator, Initiative
from measurement.service.status import refresh_status


def single_writes(url: str, token: str, indicator: str, writes: int) -> list[float]:
    latencies = []
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"},
                      timeout=60) as api:
        for n in range(writes):
            body = {"period": "2025-12", "geography": PLACES[n % len(PLACES)],
                    "numerator": 50 + n % 30, "denominator": 100}
            started = time.perf_counter()
            response = api.post(f"/v1/indicators/{indicator}/observations", json=body)
            latencies.append((time.perf_counter() - started) * 1000)
            assert response.status_code in (200, 201), response.text[:300]
    return latencies


async def refreshes(infra: Infrastructure, indicator_id: str, times: int, *, kept: bool
                    ) -> list[float]:
    """``kept``: a first refresh, untimed, in the same transaction, computes every figure
    of the data as it is; the timed one is told the period it changed."""
    engine = create_engine(infra.settings("measurement"))
    sessions = create_sessionmaker(engine)
    latencies = []
    try:
        for _ in range(times):
            async with sessions() as session:
                await in_tenant(session, "bench")  # row-level security: the bench's tenant
                indicator = (await session.execute(
                    select(Indicator).where(Indicator.id == indicator_id))).scalar_one()
                initiative = await session.get(Initiative, indicator.initiative_id)
                assert initiative is not None
                if kept:
                    await refresh_status(session, indicator, initiative, ["2025-12"])
                started = time.perf_counter()
                await refresh_status(session, indicator, initiative, ["2025-12"],
                                     changed_periods=["2025-12"] if kept else None)
                latencies.append((time.perf_counter() - started) * 1000)
                await session.rollback()
    finally:
        await engine.dispose()
    return latencies


def main(writes: int) -> None:
    with running(SERVICE) as (infra, process):
        token = mint_token(infra.settings("measurement"), sub="bench", tenant="bench",
                           roles=["network:admin"])
        initiative = asyncio.run(announce_initiative(infra, "bench"))
        indicator = seed(process.url, token, initiative)
        single_writes(process.url, token, indicator, 10)  # warm-up
        write_p50, write_p99 = p50_p99(single_writes(process.url, token, indicator, writes))
        alone = {kept: p50_p99(asyncio.run(refreshes(infra, indicator, writes, kept=kept)))
                 for kept in (True, False)}
    print(f"single write (POST one observation):  p50 {write_p50:7.1f} ms  "
          f"p99 {write_p99:7.1f} ms")
    for kept, label in ((True, "previous figures kept"), (False, "nothing kept")):
        p50, p99 = alone[kept]
        print(f"refresh_status alone, {label + ':':22} p50 {p50:7.1f} ms  p99 {p99:7.1f} ms  "
              f"({p50 / write_p50:.0%} of the write's p50)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--writes", type=int, default=60)
    main(parser.parse_args().writes)
