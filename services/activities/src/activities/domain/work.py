"""What the views know of the initiative: its activities, agenda and measures, as plain
values (loaded once per request, then judged here)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from activities.domain.populations import Served


@dataclass(frozen=True, slots=True)
class Work:
    """An activity."""

    id: uuid.UUID
    title: str
    status: str
    start: date | None
    end: date | None
    lead: uuid.UUID
    strategies: frozenset[uuid.UUID]
    goals: frozenset[uuid.UUID]
    indicators: frozenset[uuid.UUID]
    places: tuple[str, ...]
    populations: Served


@dataclass(frozen=True, slots=True)
class Goal:
    id: uuid.UUID
    title: str


@dataclass(frozen=True, slots=True)
class Strategy:
    id: uuid.UUID
    title: str
    goal_id: uuid.UUID


@dataclass(frozen=True, slots=True)
class Measure:
    """An indicator, with its progress status (as viewers see it) on the day asked."""

    id: uuid.UUID
    code: str
    name: str
    progress_status: str | None


@dataclass(frozen=True, slots=True)
class Widening:
    """A group whose gap to the reference group widened, per measurement."""

    indicator_id: uuid.UUID
    dimension: str
    group: str
    reference_group: str
    first_period: str
    last_period: str
    first_gap: float
    last_gap: float
