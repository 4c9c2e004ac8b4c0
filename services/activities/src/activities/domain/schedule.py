"""When an activity runs: its status and its dates.

An activity runs on a day when its status is ``active`` or ``completed`` and the day lies
within its dates (no start date: since ever; no end date: open-ended). A completed activity
always has an end date. Planned, paused and cancelled activities do not run. Asked about a
past day, this judges by the dates: an activity completed last year ran last year; one
paused today counts as not running on any day (its past is not recorded).
"""

from __future__ import annotations

from datetime import date

RUNNING_STATUSES = frozenset({"active", "completed"})


def runs_on(status: str, start: date | None, end: date | None, day: date) -> bool:
    return (status in RUNNING_STATUSES and (start is None or start <= day)
            and (end is None or day <= end))


def date_problem(start: date | None, end: date | None, status: str) -> str | None:
    """Why these dates do not fit together, or None."""
    if start is not None and end is not None and end < start:
        return "end_date is before start_date"
    if status == "completed" and end is None:
        return "a completed activity needs its end_date"
    return None


def intersect(a: tuple[date | None, date | None], b: tuple[date | None, date | None]
              ) -> tuple[date | None, date | None] | None:
    """The days two date ranges share (None ends are open), or None."""
    start = max((d for d in (a[0], b[0]) if d is not None), default=None)
    end = min((d for d in (a[1], b[1]) if d is not None), default=None)
    if start is not None and end is not None and end < start:
        return None
    return start, end
