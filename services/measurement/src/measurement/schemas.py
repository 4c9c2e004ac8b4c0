"""The measurement HTTP surface: what callers define and report (the figures computed from it
are in ``figures``)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from backbone.http.schemas import EntityRead, Input, Patch, patch_field
from measurement.domain.aggregation import AcrossPlaces, AcrossTime
from measurement.domain.progress import Direction, ProgressStatus

Code = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$", examples=["kindergarten_ready"],
                            description="Lower-case letters, digits, '_' and '-'.")]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Text = Annotated[str, Field(max_length=20_000)]
Short = Annotated[str, Field(max_length=2_000)]
PeriodCode = Annotated[str, Field(min_length=4, max_length=20, examples=["2026Q1"],
                                  description="2026, FY2026, 2026S1, 2026Q1, 2026-03, 2026W05 "
                                              "or 2026-03-15.")]
Geography = Annotated[str, Field(max_length=200, description="A place; empty for the whole "
                                                             "area of the initiative.")]
Figure = Annotated[float, Field(allow_inf_nan=False, ge=-1e15, le=1e15)]
Count = Annotated[float, Field(allow_inf_nan=False, ge=0, le=1e15)]
Disaggregation = Annotated[
    dict[Code, Code],
    Field(max_length=10, description="Dimension code -> option code; empty for the total.",
          examples=[{"race_ethnicity": "black", "gender": "female"}]),
]


class Unit(StrEnum):
    COUNT = "count"
    PERCENT = "percent"
    RATE = "rate"
    CURRENCY = "currency"
    SCORE = "score"
    INDEX = "index"
    OTHER = "other"


RATIO_UNITS = frozenset({Unit.PERCENT, Unit.RATE})
"""Units whose observations carry a numerator and a denominator."""


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


class IndicatorStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    RETIRED = "retired"


class ObservationStatus(StrEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"


class StatusView(StrEnum):
    """Whose view a progress status is: viewers' and partners', or backbone staff's."""

    REVIEWED = "reviewed"
    ALL = "all"


# --- settings -------------------------------------------------------------------------------

class MeasurementSettingsUpdate(Patch):
    min_cell_size: Annotated[int, Field(ge=1, le=1000)] = patch_field(
        description="Cells with a smaller count are suppressed for viewers and partners.")
    fiscal_year_start_month: Annotated[int, Field(ge=1, le=12)] = patch_field(
        description="First month of the fiscal year; FY2026 is the one ending in 2026.")


class MeasurementSettingsRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    initiative_id: uuid.UUID
    name: str
    version: int
    min_cell_size: int
    fiscal_year_start_month: int
    updated_at: datetime


# --- dimensions -----------------------------------------------------------------------------

class DimensionOption(Input):
    code: Code
    label: Name
    retired: bool = Field(default=False, description="Retired options take no new data; "
                                                     "history that uses them stays readable.")


Options = Annotated[list[DimensionOption], Field(min_length=1, max_length=200)]


def check_unique_options(options: list[DimensionOption] | None) -> None:
    codes = [o.code for o in options or []]
    if len(codes) != len(set(codes)):
        raise ValueError("option codes must be unique")


class DimensionCreate(Input):
    code: Code
    name: Name
    description: Text = ""
    options: Options

    @model_validator(mode="after")
    def _unique(self) -> Self:
        check_unique_options(self.options)
        return self


class DimensionUpdate(Patch):
    name: Name = patch_field()
    description: Text = patch_field()
    options: Options = patch_field(description="The full list: existing codes must stay "
                                               "(retire them instead); new codes are added.")

    @model_validator(mode="after")
    def _unique(self) -> Self:
        check_unique_options(self.options)
        return self


class DimensionRead(EntityRead):
    initiative_id: uuid.UUID
    code: str
    name: str
    description: str
    options: list[DimensionOption]


# --- indicators -----------------------------------------------------------------------------

class IndicatorFields(Input):
    name: Name
    definition: Text = ""
    direction: Direction = Field(description="Whether higher (increase) or lower is better.")
    kind: IndicatorKind = IndicatorKind.POPULATION
    across_places: AcrossPlaces = Field(
        default=AcrossPlaces.SUM,
        description="How places and reporting organizations combine in one period. Rates "
                    "are always pooled (numerators and denominators added).")
    across_time: AcrossTime = Field(
        default=AcrossTime.PERIODIC,
        description="periodic: each period stands alone; cumulative: running totals.")
    dimension_ids: Annotated[list[uuid.UUID], Field(max_length=10)] = []
    goal_ids: Annotated[list[uuid.UUID], Field(max_length=50)] = Field(
        default=[], description="Agenda goals this indicator tracks (must exist in agenda).")
    data_source: Text = ""
    baseline_period: PeriodCode | None = None
    baseline_value: Figure | None = Field(
        default=None, description="Overrides the value observed in the baseline period.")


class IndicatorCreate(IndicatorFields):
    code: Code
    unit: Unit
    rate_multiplier: Annotated[float, Field(gt=0, le=1e9)] | None = Field(
        default=None, description="Scale of rates: 100 for percent (the default for percent), "
                                  "1000 for 'per 1,000'.")
    frequency: Frequency
    status: Annotated[IndicatorStatus, Field(description="draft or active")] = \
        IndicatorStatus.DRAFT

    @model_validator(mode="after")
    def _not_born_retired(self) -> Self:
        if self.status is IndicatorStatus.RETIRED:
            raise ValueError("a new indicator is draft or active")
        return self


class IndicatorUpdate(Patch):
    code: Code = patch_field()
    name: Name = patch_field()
    definition: Text = patch_field()
    unit: Unit = patch_field()
    rate_multiplier: Annotated[float, Field(gt=0, le=1e9)] = patch_field()
    direction: Direction = patch_field()
    kind: IndicatorKind = patch_field()
    frequency: Frequency = patch_field()
    across_places: AcrossPlaces = patch_field()
    across_time: AcrossTime = patch_field()
    dimension_ids: Annotated[list[uuid.UUID], Field(max_length=10)] = patch_field()
    goal_ids: Annotated[list[uuid.UUID], Field(max_length=50)] = patch_field()
    data_source: Text = patch_field()
    status: IndicatorStatus = patch_field()
    baseline_period: PeriodCode | None = patch_field()
    baseline_value: Figure | None = patch_field()


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
    status: IndicatorStatus
    baseline_period: str | None
    baseline_value: float | None
    progress_status: ProgressStatus = Field(
        description="Overall progress against the targets from reviewed data (approved "
                    "observations, small cells protected), as viewers and partners see it; "
                    "updated as data is reviewed.")


class IndicatorRead(IndicatorState):
    staff_progress_status: ProgressStatus | None = Field(
        default=None, description="Backbone staff only (null for others): the status from "
                                  "all data not rejected, submitted data included.")


# --- targets --------------------------------------------------------------------------------

class TargetIn(Input):
    period: PeriodCode
    value: Figure
    disaggregation: Disaggregation = {}
    organization_id: uuid.UUID | None = Field(default=None,
                                              description="For a partner's own target.")


class TargetsPut(Input):
    targets: Annotated[list[TargetIn], Field(max_length=1000)]


class TargetRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    period: str
    period_start: date
    period_end: date
    value: float
    disaggregation: dict[str, str]
    organization_id: uuid.UUID | None


class TargetsRead(BaseModel):
    indicator_id: uuid.UUID
    version: int = Field(description="Increases on every replacement; sent as the ETag, "
                                     "and checked against `If-Match` on PUT.")
    targets: list[TargetRead]
