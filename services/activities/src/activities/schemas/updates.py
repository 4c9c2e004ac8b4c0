"""Updates: dated progress notes and milestones of an activity, with output figures."""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, Field, StrictFloat

from activities.schemas.common import Text
from backbone.http.schemas import EntityRead, Input, IsoDate, Patch, example, patch_field


class UpdateKind(StrEnum):
    NOTE = "note"
    MILESTONE = "milestone"


class Output(Input):
    """A figure the activity produced (children tutored, seats opened...)."""

    name: Annotated[str, Field(min_length=1, max_length=200, examples=["children tutored"])]
    value: Annotated[StrictFloat, Field(ge=-1e15, le=1e15, allow_inf_nan=False)]
    unit: Annotated[str, Field(max_length=50)] = ""


Outputs = Annotated[list[Output], Field(max_length=50)]
Milestone = Annotated[str, Field(max_length=300)]


class UpdateCreate(Input):
    model_config = example(
        kind="milestone", reported_on="2026-01-20", milestone="First 100 children tutored",
        planned_on="2026-01-15", achieved_on="2026-01-20",
        outputs=[{"name": "children tutored", "value": 112, "unit": "children"}])

    kind: UpdateKind = UpdateKind.NOTE
    reported_on: IsoDate = Field(description="The date the update is about.")
    text: Text = ""
    milestone: Milestone = Field(default="", description="For a milestone: what it is.")
    planned_on: IsoDate | None = Field(default=None, description="For a milestone.")
    achieved_on: IsoDate | None = Field(default=None, description="For a milestone, once "
                                                                  "reached.")
    outputs: Outputs = []


class UpdateChange(Patch):
    model_config = example(achieved_on="2026-01-28")

    reported_on: IsoDate = patch_field()
    text: Text = patch_field()
    milestone: Milestone = patch_field()
    planned_on: IsoDate | None = patch_field()
    achieved_on: IsoDate | None = patch_field()
    outputs: Outputs = patch_field()


class OutputRead(BaseModel):
    name: str
    value: float
    unit: str


class UpdateRead(EntityRead):
    initiative_id: uuid.UUID
    activity_id: uuid.UUID
    kind: UpdateKind
    reported_on: date
    text: str
    milestone: str
    planned_on: date | None
    achieved_on: date | None
    outputs: list[OutputRead]
    author: str
