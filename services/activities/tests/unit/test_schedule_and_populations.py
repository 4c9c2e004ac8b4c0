"""When an activity runs, and whom two activities can both serve."""

from __future__ import annotations

from datetime import date

from activities.domain.populations import served, serves, shared
from activities.domain.schedule import date_problem, intersect, runs_on

JUNE = date(2026, 6, 1)


def test_running_takes_the_status_and_the_dates() -> None:
    assert runs_on("active", None, None, JUNE)
    assert runs_on("active", date(2026, 6, 1), date(2026, 6, 1), JUNE)
    assert not runs_on("active", date(2026, 6, 2), None, JUNE)
    assert not runs_on("active", None, date(2026, 5, 31), JUNE)
    assert runs_on("completed", date(2025, 1, 1), date(2026, 12, 31), JUNE)
    assert not runs_on("completed", date(2025, 1, 1), date(2025, 12, 31), JUNE)
    for idle in ("planned", "paused", "cancelled"):
        assert not runs_on(idle, None, None, JUNE)


def test_dates_that_do_not_fit() -> None:
    assert date_problem(date(2026, 2, 1), date(2026, 1, 1), "active") == \
        "end_date is before start_date"
    assert date_problem(None, None, "completed") == "a completed activity needs its end_date"
    assert date_problem(date(2026, 1, 1), date(2026, 1, 1), "completed") is None
    assert intersect((date(2026, 1, 1), None), (None, date(2026, 3, 1))) == (
        date(2026, 1, 1), date(2026, 3, 1))
    assert intersect((None, date(2025, 1, 1)), (date(2025, 1, 2), None)) is None
    assert intersect((None, None), (None, None)) == (None, None)


def test_people_are_shared_unless_a_common_dimension_keeps_them_apart() -> None:
    third_latino = served([{"dimension": "grade", "option": "3"},
                           {"dimension": "race", "option": "latino"}])
    third_or_fourth = served([{"dimension": "grade", "option": "3"},
                              {"dimension": "grade", "option": "4"}])
    fourth = served([{"dimension": "grade", "option": "4"}])
    everyone = served([])
    assert shared(third_latino, third_or_fourth) == {"grade": {"3"}, "race": {"latino"}}
    assert shared(third_latino, fourth) is None
    assert shared(fourth, everyone) == {"grade": {"4"}}
    assert shared(everyone, everyone) == {}
    assert serves(third_latino, "race", "latino")
    assert not serves(everyone, "race", "latino")  # for everyone is aimed at no group
