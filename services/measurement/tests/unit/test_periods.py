"""Period codes, checked against calendar facts worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from measurement.domain.periods import PeriodError, PeriodKind, parse_period


@pytest.mark.parametrize(("code", "kind", "start", "end"), [
    ("2026", PeriodKind.YEAR, date(2026, 1, 1), date(2026, 12, 31)),
    ("2026S1", PeriodKind.HALF, date(2026, 1, 1), date(2026, 6, 30)),
    ("2026S2", PeriodKind.HALF, date(2026, 7, 1), date(2026, 12, 31)),
    ("2026Q1", PeriodKind.QUARTER, date(2026, 1, 1), date(2026, 3, 31)),
    ("2026q4", PeriodKind.QUARTER, date(2026, 10, 1), date(2026, 12, 31)),
    ("2024-02", PeriodKind.MONTH, date(2024, 2, 1), date(2024, 2, 29)),  # leap year
    ("2026-02", PeriodKind.MONTH, date(2026, 2, 1), date(2026, 2, 28)),
    ("2026-12", PeriodKind.MONTH, date(2026, 12, 1), date(2026, 12, 31)),
    # ISO week 1 of 2026 starts on Monday 29 December 2025.
    ("2026W01", PeriodKind.WEEK, date(2025, 12, 29), date(2026, 1, 4)),
    ("2026W05", PeriodKind.WEEK, date(2026, 1, 26), date(2026, 2, 1)),
    ("2020W53", PeriodKind.WEEK, date(2020, 12, 28), date(2021, 1, 3)),
    ("2026-03-15", PeriodKind.DAY, date(2026, 3, 15), date(2026, 3, 15)),
    ("FY2026", PeriodKind.FISCAL_YEAR, date(2026, 1, 1), date(2026, 12, 31)),
])
def test_codes(code: str, kind: PeriodKind, start: date, end: date) -> None:
    period = parse_period(code)
    assert (period.kind, period.start, period.end) == (kind, start, end)
    assert period.code == code.upper()


def test_fiscal_year_named_by_its_end() -> None:
    july = parse_period("FY2026", fiscal_year_start_month=7)
    assert (july.start, july.end) == (date(2025, 7, 1), date(2026, 6, 30))
    october = parse_period("FY2026", fiscal_year_start_month=10)
    assert (october.start, october.end) == (date(2025, 10, 1), date(2026, 9, 30))


@pytest.mark.parametrize(("code", "reason"), [
    ("2026Q5", "not a period code"), ("2026-13", "month 13 does not exist"),
    ("2025W53", "2025 has ISO weeks 01-52"),
    ("2026-02-30", "is not a date"), ("26", "not a period code"), ("", "not a period code"),
    ("2026 Q1", "not a period code"), ("0999", "out of range"),
])
def test_malformed_codes_say_why(code: str, reason: str) -> None:
    with pytest.raises(PeriodError, match=reason):
        parse_period(code)


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2199, 12, 31)))
def test_every_day_lies_in_its_month_quarter_and_week(day: date) -> None:
    month = parse_period(f"{day.year}-{day.month:02d}")
    quarter = parse_period(f"{day.year}Q{(day.month - 1) // 3 + 1}")
    iso = day.isocalendar()
    week = parse_period(f"{iso.year}W{iso.week:02d}")
    for period in (month, quarter, week, parse_period(str(day.year))):
        assert period.start <= day <= period.end
