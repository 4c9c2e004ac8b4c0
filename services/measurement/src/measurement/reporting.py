"""What partners report and what comes back: observations (single, batch rows, CSV rows),
import modes and per-row results, review, and an observation's history."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError, model_validator
from pydantic_core import ErrorDetails, to_json

from backbone.contracts.measurement.entities import ImportMode, ObservationFacts, ObservationStatus
from backbone.http.bodies import parse_json
from backbone.http.schemas import EntityRead, Input, example
from measurement import figures
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


MAX_ROWS = 10_000

Row = tuple[int, ObservationIn | str]
"""A row's number (its position in a batch, its line in a CSV) and the row, or the reason it
cannot be read."""


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
    rows: Annotated[list[BatchRow], Field(min_length=1, max_length=MAX_ROWS)]


class BatchShape(BaseModel):
    """What makes a body a batch at all, its rows not yet read: each bad row is then that
    row's error, not the request's."""

    model_config = ConfigDict(extra="forbid")

    mode: ImportMode = ImportMode.ALL_OR_NOTHING
    dry_run: StrictBool = False
    rows: Annotated[list[Any], Field(min_length=1, max_length=MAX_ROWS)]


@dataclass(frozen=True)
class Batch:
    mode: ImportMode
    dry_run: bool
    rows: list[Row]

    @classmethod
    def of(cls, request: BatchRequest) -> Batch:
        return cls(request.mode, request.dry_run, list(enumerate(request.rows)))

    @classmethod
    def row_by_row(cls, shape: BatchShape) -> Batch:
        """The batch with each row read on its own: those that are not rows become errors."""
        return cls(shape.mode, shape.dry_run,
                   [(number, _read_row(row)) for number, row in enumerate(shape.rows)])


def _read_row(row: Any) -> BatchRow | str:
    try:
        return parse_json(BatchRow, to_json(row))
    except ValidationError as exc:
        return why(exc)


def only_rows_are_bad(exc: ValidationError) -> bool:
    """Whether every error of a batch is inside one of its rows."""
    return all(len(e["loc"]) > 1 and e["loc"][0] == "rows" for e in exc.errors())


def why(exc: ValidationError) -> str:
    """The reasons a row is not one, each naming its field."""
    return "; ".join(map(_reason, exc.errors(include_url=False)))


def _reason(error: ErrorDetails) -> str:
    loc = error["loc"]
    if error["type"] == "extra_forbidden":
        reason = "unknown field"
    elif error["type"] == "model_type":
        reason = "a row must be an object"
    else:
        reason = error["msg"]
        given = error.get("input")
        if isinstance(given, str | int | float | bool) and error["type"] != "missing":
            reason += f" (got {str(to_json(given), 'utf-8')[:40]})"
    return f"{'.'.join(map(str, loc))}: {reason}" if loc else reason


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


class ConsistencyNote(figures.Consistency):
    """A reported figure of a place and organization the import touched, whose groups
    reported beside it add up to something else."""

    indicator_id: uuid.UUID
    period: str
    geography: str
    organization_id: uuid.UUID | None
    disaggregation: dict[str, str] = Field(description="The reported figure's cell.")


class ImportResult(BaseModel):
    import_id: uuid.UUID | None = Field(description="None for a dry run or a refused import.")
    applied: bool = Field(description="Whether anything was stored.")
    dry_run: bool
    mode: ImportMode
    summary: ImportSummary
    ignored_columns: list[str] = []
    consistency: list[ConsistencyNote] = Field(default=[], description=(
        "Where a reported figure and the groups reported beside it disagree, in the "
        "periods, places and organizations the import touched (with the import's rows, "
        "also on a dry run)."))
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
