"""Measurement's entities and figures as it publishes them (HTTP representation and event
payload alike)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from backbone.http.schemas import EntityRead, Input

Code = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$", examples=["kindergarten_ready"],
                            description="Lower-case letters, digits, '_' and '-'.")]
Name = Annotated[str, Field(min_length=1, max_length=200)]


class Unit(StrEnum):
    COUNT = "count"
    PERCENT = "percent"
    RATE = "rate"
    CURRENCY = "currency"
    SCORE = "score"
    INDEX = "index"
    OTHER = "other"


class Direction(StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"


class IndicatorKind(StrEnum):
    POPULATION = "population"
    PERFORMANCE = "performance"


class Frequency(StrEnum):
    ANNUAL = "annual"
    SEMIANNUAL = "semiannual"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    WEEKLY = "weekly"
    DAILY = "daily"


class AcrossPlaces(StrEnum):
    SUM = "sum"
    MEAN = "mean"
    LATEST = "latest"


class AcrossTime(StrEnum):
    PERIODIC = "periodic"
    CUMULATIVE = "cumulative"


class IndicatorStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    RETIRED = "retired"


class ProgressStatus(StrEnum):
    TARGET_MET = "target_met"
    ON_TRACK = "on_track"
    OFF_TRACK = "off_track"
    NO_TARGET = "no_target"
    NO_DATA = "no_data"


class Trend(StrEnum):
    NARROWING = "narrowing"
    WIDENING = "widening"
    STABLE = "stable"


class ObservationStatus(StrEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"


class StatusView(StrEnum):
    """Whose view a progress status is: viewers' and partners', or backbone staff's."""

    REVIEWED = "reviewed"
    ALL = "all"


class ImportMode(StrEnum):
    ALL_OR_NOTHING = "all_or_nothing"
    PARTIAL = "partial"


class MeasurementSettingsRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    initiative_id: uuid.UUID
    name: str
    version: int
    min_cell_size: int
    fiscal_year_start_month: int
    updated_at: datetime


class DimensionOption(Input):
    code: Code
    label: Name
    retired: StrictBool = Field(default=False, description="Retired options take no new data; "
                                                     "history that uses them stays readable.")


class DimensionRead(EntityRead):
    initiative_id: uuid.UUID
    code: str
    name: str
    description: str
    options: list[DimensionOption]


class IndicatorState(EntityRead):
    """An indicator as everyone may read it (and as its events carry it)."""

    initiative_id: uuid.UUID
    code: str
    name: str
    definition: str
    unit: Unit
    rate_multiplier: float
    direction: Direction
    kind: IndicatorKind
    frequency: Frequency
    across_places: AcrossPlaces
    across_time: AcrossTime
    dimension_ids: list[uuid.UUID]
    goal_ids: list[uuid.UUID]
    data_source: str
    decimals: int | None = Field(
        default=None, description="Decimals its figures are shown with; null: the unit's "
                                  "default, none for counts and two otherwise.")
    status: IndicatorStatus
    baseline_period: str | None
    baseline_value: float | None
    progress_status: ProgressStatus = Field(
        description="Overall progress against the targets from reviewed data (approved "
                    "observations, small cells protected), as viewers and partners see it; "
                    "updated as data is reviewed.")


class TargetRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    period: str
    period_start: date
    period_end: date
    value: float
    disaggregation: dict[str, str]
    organization_id: uuid.UUID | None


class ObservationFacts(BaseModel):
    """An observation's key, figures and review status: what its HTTP representation and
    its events share."""

    initiative_id: uuid.UUID
    indicator_id: uuid.UUID
    period: str
    period_start: date
    period_end: date
    disaggregation: dict[str, str]
    geography: str
    organization_id: uuid.UUID | None
    value: float | None
    numerator: float | None
    denominator: float | None
    status: ObservationStatus


class Mark(BaseModel):
    period: str
    value: float
    derived: bool = Field(default=False, description=(
        "Worked out from the groups reported for the period, as no one reported the "
        "figure itself."))


class GapTrend(BaseModel):
    group: str
    first_period: str
    last_period: str
    first_gap: float
    last_gap: float
    trend: Trend
