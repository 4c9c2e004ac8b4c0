"""Commitments: what participant organizations pledge, and whether they keep it."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from pydantic import Field

from activities.schemas.common import Text
from backbone.http.schemas import EntityRead, Input, IsoDate, Patch, example, patch_field


class CommitmentStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class CommitmentCreate(Input):
    model_config = example(
        organization_id="0d3c9a5e-2f4b-4c8e-9a61-5b7e2d1f8c04",
        text="Open two branch reading rooms for tutoring",
        strategy_id="8b7a6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d", due_date="2026-10-31")

    organization_id: uuid.UUID = Field(description="A participant organization of the "
                                                   "initiative (a partner's own).")
    text: Text = Field(min_length=1)
    activity_id: uuid.UUID | None = Field(default=None, description="An activity of the "
                                                                    "initiative.")
    strategy_id: uuid.UUID | None = Field(default=None, description="A strategy of the "
                                                                    "initiative's agenda.")
    due_date: IsoDate | None = None
    status: CommitmentStatus = CommitmentStatus.OPEN


class CommitmentUpdate(Patch):
    model_config = example(status="done")

    text: Text = patch_field(min_length=1)
    activity_id: uuid.UUID | None = patch_field()
    strategy_id: uuid.UUID | None = patch_field()
    due_date: IsoDate | None = patch_field()
    status: CommitmentStatus = patch_field()


class CommitmentRead(EntityRead):
    initiative_id: uuid.UUID
    organization_id: uuid.UUID
    text: str
    activity_id: uuid.UUID | None
    strategy_id: uuid.UUID | None
    due_date: date | None
    status: CommitmentStatus
    overdue_since: datetime | None = Field(
        description="When the service found it open past its due date (and announced it).")
