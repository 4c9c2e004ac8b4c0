"""The measurement HTTP surface: what callers define and report (the figures computed from it
are in ``figures``)."""

from __future__ import annotations

import uuid
from typing import Annotated, Self

from pydantic import BaseModel, Field, StrictFloat, StrictInt, model_validator

from backbone.contracts.measurement.entities import (
    AcrossPlaces,
    AcrossTime,
    Code,
    DimensionOption,
    Direction,
    Frequency,
    IndicatorKind,
    IndicatorState,
    IndicatorStatus,
    Name,
    ProgressStatus,
    TargetRead,
    Unit,
)
from backbone.http.schemas import Input, Patch, example, patch_field

Text = Annotated[str, Field(max_length=20_000)]
Decimals = Annotated[StrictInt, Field(ge=0, le=6, description=(
    "Decimals the indicator's figures are shown with (rounded half away from zero); null: "
    "the unit's default, none for counts and two otherwise."))]
Short = Annotated[str, Field(max_length=2_000)]
PeriodCode = Annotated[str, Field(min_length=4, max_length=20, examples=["2026Q1"],
                                  description="2026, FY2026, 2026S1, 2026Q1, 2026-03, 2026W05 "
                                              "or 2026-03-15.")]
Geography = Annotated[str, Field(max_length=200, description="A place; empty for the whole "
                                                             "area of the initiative.")]
Figure = Annotated[StrictFloat, Field(allow_inf_nan=False, ge=-1e15, le=1e15)]
Count = Annotated[StrictFloat, Field(allow_inf_nan=False, ge=0, le=1e15)]
Disaggregation = Annotated[
    dict[Code, Code],
    Field(max_length=10, description="Dimension code -> option code; empty for the total.",
          examples=[{"race_ethnicity": "black", "gender": "female"}]),
]


RATIO_UNITS = frozenset({Unit.PERCENT, Unit.RATE})
"""Units whose observations carry a numerator and a denominator."""


# --- settings -------------------------------------------------------------------------------

class MeasurementSettingsUpdate(Patch):
    model_config = example(min_cell_size=10, fiscal_year_start_month=7)

    min_cell_size: Annotated[StrictInt, Field(ge=1, le=1000)] = patch_field(
        description="Cells with a smaller count are suppressed for viewers and partners.")
    fiscal_year_start_month: Annotated[StrictInt, Field(ge=1, le=12)] = patch_field(
        description="First month of the fiscal year; FY2026 is the one ending in 2026.")


# --- dimensions -----------------------------------------------------------------------------

Options = Annotated[list[DimensionOption], Field(min_length=1, max_length=200)]


def check_unique_options(options: list[DimensionOption] | None) -> None:
    codes = [o.code for o in options or []]
    if len(codes) != len(set(codes)):
        raise ValueError("option codes must be unique")


class DimensionCreate(Input):
    model_config = example(
        code="race_ethnicity", name="Race/ethnicity",
        options=[{"code": "black", "label": "Black"},
                 {"code": "latino", "label": "Latino"},
                 {"code": "white", "label": "White"}])

    code: Code
    name: Name
    description: Text = ""
    options: Options

    @model_validator(mode="after")
    def _unique(self) -> Self:
        check_unique_options(self.options)
        return self


class DimensionUpdate(Patch):
    model_config = example(
        options=[{"code": "black", "label": "Black"},
                 {"code": "latino", "label": "Latino"},
                 {"code": "white", "label": "White"},
                 {"code": "multiracial", "label": "Two or more races"}])

    name: Name = patch_field()
    description: Text = patch_field()
    options: Options = patch_field(description="The full list: existing codes must stay "
                                               "(retire them instead); new codes are added.")

    @model_validator(mode="after")
    def _unique(self) -> Self:
        check_unique_options(self.options)
        return self


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
    decimals: Decimals | None = None
    baseline_period: PeriodCode | None = None
    baseline_value: Figure | None = Field(
        default=None, description="Overrides the value observed in the baseline period.")


class IndicatorCreate(IndicatorFields):
    model_config = example(
        code="grade3_reading", name="Third-grade reading proficiency", unit="percent",
        direction="increase", frequency="annual", kind="population",
        dimension_ids=["2e1d0c9b-8a7f-4e6d-9c5b-4a3f2e1d0c9b"],
        goal_ids=["3f6e1c2a-9b8d-4e7f-a6b5-c4d3e2f1a0b9"], status="active",
        baseline_period="FY2021")

    code: Code
    unit: Unit
    rate_multiplier: Annotated[StrictFloat, Field(gt=0, le=1e9)] | None = Field(
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
    model_config = example(
        definition="Share of third graders scoring proficient or above on the state reading test.")

    code: Code = patch_field()
    name: Name = patch_field()
    definition: Text = patch_field()
    unit: Unit = patch_field()
    rate_multiplier: Annotated[StrictFloat, Field(gt=0, le=1e9)] = patch_field()
    decimals: Decimals | None = patch_field()
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
    model_config = example(
        targets=[{"period": "FY2028", "value": 65.0},
                 {"period": "FY2028",
                  "value": 60.0,
                  "disaggregation": {"race_ethnicity": "latino"}}])

    targets: Annotated[list[TargetIn], Field(max_length=1000)]


class TargetsRead(BaseModel):
    indicator_id: uuid.UUID
    version: int = Field(description="Increases on every replacement; sent as the ETag, "
                                     "and checked against `If-Match` on PUT.")
    targets: list[TargetRead]
