"""What partners report and what comes back: observations (single, batch rows, CSV rows),
import modes and per-row results, review, and an observation's history."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, StrictBool, model_validator

from backbone.contracts.measurement.entities import ImportMode, ObservationFacts, ObservationStatus
from backbone.http.schemas import EntityRead, Input, example
from measurement.schemas import Code, Count, Disaggregation, Figure, Geography, PeriodCode, Short


class ObservationIn(Input):
    """One value (or numerator and denominator for rates) for one cell of one period."""

    model_config = example(
        period="FY2025", disaggregation={"race_ethnicity": "latino"}, numerator=414,
        denominator=1150, source="Riverside USD student information system")

    period: PeriodCode
    disaggregation: Disaggregation = {}
    geography: Geography = ""
    organization_id: uuid.UUID | None = Field(
        default=None, description="The reporting organization (a partner's own, for partners).")
    value: Figure | None = None
    numerator: Count | None = None
    denominator: Count | None = None
    source: Short = ""
    comment: Short = ""


class BatchRow(ObservationIn):
    indicator: Code | None = Field(default=None, description="The indicator's code ...")
    indicator_id: uuid.UUID | None = Field(default=None, description="... or its id.")


class BatchRequest(Input):
    model_config = example(
        mode="partial",
        rows=[{"indicator": "grade3_reading",
               "period": "FY2025",
               "numerator": 414,
               "denominator": 1150,
               "disaggregation": {"race_ethnicity": "latino"}},
              {"indicator": "grade3_reading",
               "period": "FY2025",
               "numerator": 598,
               "denominator": 880,
               "disaggregation": {"race_ethnicity": "white"}}])

    mode: ImportMode = ImportMode.ALL_OR_NOTHING
    dry_run: StrictBool = False
    rows: Annotated[list[BatchRow], Field(min_length=1, max_length=10_000)]


class RowOutcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    ERROR = "error"


class RowResult(BaseModel):
    row: int = Field(description="Position in the batch (from 0), or line number of the CSV.")
    outcome: RowOutcome
    observation_id: uuid.UUID | None = None
    error: str | None = None


class ImportSummary(BaseModel):
    rows: int
    created: int
    updated: int
    unchanged: int
    errors: int


class ImportResult(BaseModel):
    import_id: uuid.UUID | None = Field(description="None for a dry run or a refused import.")
    applied: bool = Field(description="Whether anything was stored.")
    dry_run: bool
    mode: ImportMode
    summary: ImportSummary
    ignored_columns: list[str] = []
    results: list[RowResult]


class ObservationRead(EntityRead, ObservationFacts):
    source: str
    comment: str
    review_note: str
    recorded_by: str
    reviewed_by: str | None
    reviewed_at: datetime | None


class ReviewDecision(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"


class ReviewIn(Input):
    model_config = example(decision="reject", note="The denominator is last year's enrolment.")

    decision: ReviewDecision
    note: Short = ""

    @model_validator(mode="after")
    def _reason(self) -> Self:
        if self.decision is ReviewDecision.REJECT and not self.note:
            raise ValueError("a rejection needs a note saying why")
        return self


class HistoryEntry(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    version: int
    change: str
    value: float | None
    numerator: float | None
    denominator: float | None
    previous_value: float | None = None
    previous_numerator: float | None = None
    previous_denominator: float | None = None
    source: str
    comment: str
    status: ObservationStatus
    note: str
    changed_by: str
    changed_at: datetime
