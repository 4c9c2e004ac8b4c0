"""When to try a failed delivery again."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

HONOUR_RETRY_AFTER = frozenset({429, 502, 503, 504})
MAX_RETRY_AFTER_S = 86400.0


def next_wait(schedule: Sequence[float], attempts: int, jitter: float,
              rng: random.Random | None = None) -> float | None:
    """Seconds before attempt ``attempts + 1`` (None: the schedule is exhausted)."""
    if attempts >= len(schedule):
        return None
    base = schedule[attempts]
    return max(0.0, base * (1 + (rng or random).uniform(-jitter, jitter)))


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """The wait a ``Retry-After`` header asks for (seconds or an HTTP date), bounded."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_S)
