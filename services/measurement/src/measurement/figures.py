"""The figures measurement computes from observations: series, progress and disparities
(response models of the analysis routes)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Literal

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
from measurement.domain import derivation
from measurement.domain.precision import exact


class Difference(BaseModel):
    figure: Literal["value", "numerator", "denominator"]
    reported: float
    derived: float = Field(description="The sum of the nearest breakdown reported in the "
                                       "same places by the same organizations.")


class Consistency(BaseModel):
    """Where a reported figure and the groups reported beside it do not add up."""

    note: str
    differences: list[Difference]


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
    derived: bool = Field(default=False, description=(
        "Worked out from the groups reported (by the indicator's rules), in some place or "
        "for some organization that did not report this figure itself."))
    consistency: Consistency | None = Field(default=None, description=(
        "Set when this figure was reported and the groups reported beside it add up to "
        "something else (the reported figure stands). Shown to callers who see every "
        "figure, never with suppression."))


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
    consistency: Consistency | None = Field(
        default=None, description="The latest figure's, as in the series.")


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
    derived: bool = False


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


def consistency(found: Sequence[derivation.Difference]) -> Consistency | None:
    """The note for a figure whose breakdown adds up to something else, if any."""
    if not found:
        return None
    said = "; ".join(
        f"the reported {d.figure} {exact(d.reported):g} but its groups add up to "
        f"{exact(d.derived):g}" for d in found)
    return Consistency(
        note=f"Reported figure and groups disagree: {said}. The reported figure stands.",
        differences=[Difference(figure=d.figure, reported=exact(d.reported),
                                derived=exact(d.derived)) for d in found])
