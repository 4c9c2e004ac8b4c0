"""When an email due now may be sent, given the recipient's quiet hours (pure)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo


def release_time(now: datetime, start: time, end: time, zone: str) -> datetime:
    """``now``, or the end of the quiet hours ``now`` falls in (which may span midnight)."""
    tz = ZoneInfo(zone)
    local = now.astimezone(tz)
    at = local.time()
    if start == end:
        return now
    if start < end:
        inside, day = start <= at < end, local.date()
    else:  # e.g. 22:00 to 07:00
        inside = at >= start or at < end
        day = local.date() + timedelta(days=1) if at >= start else local.date()
    if not inside:
        return now
    return datetime.combine(day, end, tzinfo=tz).astimezone(UTC)
