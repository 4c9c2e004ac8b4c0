"""The scheduled check for commitments past their due date: each open commitment whose due
date has passed (in UTC) is marked ``overdue_since`` and announced as
``commitment.overdue``, once. Replicas may check at the same time: each commitment is
claimed by one of them (``SKIP LOCKED``), and a marked one is never announced again unless
its due date moves."""

from __future__ import annotations

import asyncio
from datetime import date

import structlog
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from activities.events import COMMITMENT_OVERDUE, outbox
from activities.models import Commitment
from activities.schemas.commitments import CommitmentStatus
from backbone.db import SessionFactory, utcnow

log = structlog.get_logger(__name__)

BATCH = 500


async def announce_overdue(session: AsyncSession, today: date) -> int:
    """Mark and announce up to ``BATCH`` commitments; how many were announced."""
    found = (await session.execute(select(Commitment).where(
        Commitment.status == CommitmentStatus.OPEN.value, Commitment.due_date < today,
        Commitment.overdue_since.is_(None)).order_by(Commitment.due_date, Commitment.id)
        .limit(BATCH).with_for_update(skip_locked=True))).scalars().all()
    now = utcnow()
    for commitment in found:
        commitment.overdue_since = now
        commitment.touch()
        await outbox.emit_state(session, COMMITMENT_OVERDUE, commitment,
                                commitment.initiative_id)
    return len(found)


class OverdueCommitments:
    """The worker running the check every ``interval_s`` seconds."""

    name = "overdue-commitments"
    serves_requests = False

    def __init__(self, sessionmaker: SessionFactory, interval_s: float) -> None:
        self.sessionmaker = sessionmaker
        self.interval_s = interval_s

    async def check(self) -> int:
        total = 0
        while True:
            async with self.sessionmaker() as session, session.begin():
                announced = await announce_overdue(session, utcnow().date())
            total += announced
            if announced < BATCH:
                return total

    async def run(self) -> None:
        while True:
            announced = await self.check()
            if announced:
                log.info("overdue commitments announced", count=announced)
            await asyncio.sleep(self.interval_s)
