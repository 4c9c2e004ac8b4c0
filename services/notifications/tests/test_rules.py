"""Event-type filters and the retry schedule (pure rules)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, time
from pathlib import Path

from notifications.config import RETRY_SCHEDULE_S
from notifications.domain.patterns import matches, problems
from notifications.domain.quiet_hours import release_time
from notifications.domain.retries import next_wait, retry_after
from notifications.service.rules import RULES

KNOWN = {"org.backbone.agenda.goal.created", "org.backbone.measurement.indicator.defined"}


def test_patterns_match_exact_types_and_prefixes() -> None:
    assert matches(["org.backbone.agenda.goal.created"], "org.backbone.agenda.goal.created")
    assert matches(["org.backbone.measurement.*"], "org.backbone.measurement.targets.set")
    assert matches(["org.backbone.agenda.goal.*"], "org.backbone.agenda.goal.deleted")
    assert matches(["*"], "org.backbone.agenda.decision.recorded")
    assert not matches(["org.backbone.agenda.goal.*"], "org.backbone.agenda.goals.created")
    assert not matches(["org.backbone.agenda.goal.created"], "org.backbone.agenda.goal.updated")


def test_patterns_must_have_a_shape_and_exact_types_must_exist() -> None:
    assert problems(["*", "org.backbone.agenda.*", "org.backbone.agenda.goal.created"],
                    KNOWN) == []
    assert len(problems(["goal.*", "org.backbone.agenda.goal.exploded", "org.*.x"],
                        KNOWN)) == 3


def test_the_schedule_with_jitter_then_exhaustion() -> None:
    rng = random.Random(7)
    waits = [next_wait(RETRY_SCHEDULE_S, n, 0.1, rng) for n in range(len(RETRY_SCHEDULE_S))]
    for wait, base in zip(waits, RETRY_SCHEDULE_S, strict=True):
        assert wait is not None
        assert base * 0.9 <= wait <= base * 1.1
    assert next_wait(RETRY_SCHEDULE_S, len(RETRY_SCHEDULE_S), 0.1) is None


def test_retry_after_in_seconds_or_as_a_date_is_bounded() -> None:
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    assert retry_after("120", now) == 120
    assert retry_after("Tue, 01 Dec 2026 12:05:00 GMT", now) == 300
    assert retry_after("999999999", now) == 86400
    assert retry_after("soon", now) is None
    assert retry_after(None, now) is None


def test_quiet_hours_hold_emails_until_they_end() -> None:
    night, morning = time(22, 0), time(7, 0)
    late = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)
    assert release_time(late, night, morning, "UTC") == datetime(2026, 12, 2, 7, 0, tzinfo=UTC)
    early = datetime(2026, 12, 2, 5, 0, tzinfo=UTC)
    assert release_time(early, night, morning, "UTC") == datetime(2026, 12, 2, 7, 0, tzinfo=UTC)
    noon = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
    assert release_time(noon, night, morning, "UTC") == noon
    # 13:00 UTC is 07:00 in Chicago (CST, UTC-6), inside 06:00-08:00 local: held until 14:00.
    lunch = datetime(2026, 12, 2, 13, 0, tzinfo=UTC)
    assert release_time(lunch, time(6, 0), time(8, 0), "America/Chicago") == datetime(
        2026, 12, 2, 14, 0, tzinfo=UTC)
    assert release_time(noon, time(9, 0), time(9, 0), "UTC") == noon


def test_the_rules_table_in_the_docs_names_every_rule() -> None:
    table = (Path(__file__).parents[3] / "docs" / "notifications.md").read_text()
    rows = table[table.index("## Rules"):table.index("## Inbox")]
    for rule in RULES:
        service, name = rule.event_type.removeprefix("org.backbone.").split(".", 1)
        assert f"| {service} `{name}`" in rows, rule.event_type
