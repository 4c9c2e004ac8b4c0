"""The figures measurement computes from observations: series, progress and disparities
(response models of the analysis routes)."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import BaseModel, Field

from backbone.contracts.measurement.entities import (
    AcrossPlaces,
    AcrossTime,
    Direction,
    GapTrend,
    Mark,
    ProgressStatus,
    Unit,
)


class SeriesPoint(BaseModel):
    period: str
    period_start: date
    period_end: date
    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    observations: int | None = Field(
        description="How many stored observations make this point (null when suppressed).")
    suppressed: bool = Field(default=False, description="Hidden to protect a small group.")


class Series(BaseModel):
    group: str | None = Field(description="The option of the `by` dimension, or None.")
    points: list[SeriesPoint]


class SeriesRead(BaseModel):
    indicator_id: uuid.UUID
    unit: Unit
    across_places: AcrossPlaces
    across_time: AcrossTime
    by: str | None
    series: list[Series]


class GroupProgress(BaseModel):
    group: str | None
    status: ProgressStatus
    baseline: Mark | None
    latest: Mark | None
    target: Mark | None
    expected: float | None = Field(description="Where the trajectory says the latest should be.")
    share_of_the_way: float | None = Field(
        description="(latest - baseline) / (target - baseline); 1.0 is there.")
    suppressed: bool = False


class ProgressRead(BaseModel):
    indicator_id: uuid.UUID
    direction: Direction
    overall: GroupProgress
    by: str | None
    groups: list[GroupProgress]


class GroupGap(BaseModel):
    group: str
    value: float | None
    gap: float | None
    ratio: float | None
    suppressed: bool = False


class PeriodGaps(BaseModel):
    period: str
    reference_value: float | None
    groups: list[GroupGap]


class DisparitiesRead(BaseModel):
    indicator_id: uuid.UUID
    dimension: str
    reference_group: str
    reference_rule: str = Field(description="'chosen' or 'best' (best-performing, latest).")
    latest: PeriodGaps
    over_time: list[PeriodGaps]
    trends: list[GapTrend]
