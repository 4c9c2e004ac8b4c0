"""Reporting periods from their codes.

``2026`` (year), ``FY2026`` (fiscal year named by the calendar year it ends in, starting in
a configurable month), ``2026S1`` (half), ``2026Q1`` (quarter), ``2026-03`` (month),
``2026W05`` (ISO week), ``2026-03-15`` (day).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class PeriodKind(StrEnum):
    YEAR = "year"
    FISCAL_YEAR = "fiscal_year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"


class PeriodError(ValueError):
    """A period code that names no period."""


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period: ordered by end date, then start date."""

    end: date
    start: date
    code: str
    kind: PeriodKind


_PATTERNS: list[tuple[PeriodKind, re.Pattern[str]]] = [
    (PeriodKind.YEAR, re.compile(r"(\d{4})")),
    (PeriodKind.FISCAL_YEAR, re.compile(r"FY(\d{4})")),
    (PeriodKind.HALF, re.compile(r"(\d{4})S([12])")),
    (PeriodKind.QUARTER, re.compile(r"(\d{4})Q([1-4])")),
    (PeriodKind.MONTH, re.compile(r"(\d{4})-(\d{2})")),
    (PeriodKind.WEEK, re.compile(r"(\d{4})W(\d{2})")),
    (PeriodKind.DAY, re.compile(r"(\d{4})-(\d{2})-(\d{2})")),
]

FORMATS = "2026, FY2026, 2026S1, 2026Q1, 2026-03, 2026W05 or 2026-03-15"


def _month_end(year: int, month: int) -> date:
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - timedelta(days=1)


def _span(year: int, first_month: int, months: int) -> tuple[date, date]:
    last = first_month + months - 1
    return date(year, first_month, 1), _month_end(year + (last - 1) // 12, (last - 1) % 12 + 1)


def parse_period(code: str, fiscal_year_start_month: int = 1) -> Period:
    """The period a code names; ``PeriodError`` says why a code is not one."""
    text = code.strip().upper()
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            start, end = _bounds(kind, [int(g) for g in match.groups()], fiscal_year_start_month)
            return Period(end=end, start=start, code=text, kind=kind)
    raise PeriodError(f"'{code}' is not a period code; use {FORMATS}")


def _bounds(kind: PeriodKind, parts: list[int], fy_start: int) -> tuple[date, date]:
    year = parts[0]
    if year < 1900 or year > 2200:
        raise PeriodError(f"year {year} is out of range (1900-2200)")
    if kind is PeriodKind.YEAR:
        return _span(year, 1, 12)
    if kind is PeriodKind.FISCAL_YEAR:
        return _span(year - 1, fy_start, 12) if fy_start > 1 else _span(year, 1, 12)
    if kind is PeriodKind.HALF:
        return _span(year, 1 + 6 * (parts[1] - 1), 6)
    if kind is PeriodKind.QUARTER:
        return _span(year, 1 + 3 * (parts[1] - 1), 3)
    if kind is PeriodKind.MONTH:
        if not 1 <= parts[1] <= 12:
            raise PeriodError(f"month {parts[1]:02d} does not exist")
        return _span(year, parts[1], 1)
    if kind is PeriodKind.WEEK:
        weeks = date(year, 12, 28).isocalendar().week
        if not 1 <= parts[1] <= weeks:
            raise PeriodError(f"{year} has ISO weeks 01-{weeks}, not {parts[1]:02d}")
        monday = date.fromisocalendar(year, parts[1], 1)
        return monday, monday + timedelta(days=6)
    try:
        day = date(year, parts[1], parts[2])
    except ValueError as exc:
        raise PeriodError(f"{year:04d}-{parts[1]:02d}-{parts[2]:02d} is not a date") from exc
    return day, day


FREQUENCY_KINDS: dict[str, frozenset[PeriodKind]] = {
    "annual": frozenset({PeriodKind.YEAR, PeriodKind.FISCAL_YEAR}),
    "semiannual": frozenset({PeriodKind.HALF}),
    "quarterly": frozenset({PeriodKind.QUARTER}),
    "monthly": frozenset({PeriodKind.MONTH}),
    "weekly": frozenset({PeriodKind.WEEK}),
    "daily": frozenset({PeriodKind.DAY}),
}
"""Which period codes an indicator of each reporting frequency accepts."""
