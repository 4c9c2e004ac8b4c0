"""Activities: who does what, where, for whom, toward which strategies and measures."""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, Field

from activities.schemas.common import GeographyCode, Text, Title
from backbone.contracts.measurement.entities import Code
from backbone.http.schemas import EntityRead, Input, IsoDate, Patch, example, patch_field


class ActivityStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    PAUSED = "paused"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


RUNNING = frozenset({ActivityStatus.ACTIVE, ActivityStatus.COMPLETED})
"""Statuses of activities that run (or ran) between their dates."""


class Population(Input):
    """A group served: an option of one of the initiative's measurement dimensions."""

    dimension: Code = Field(examples=["race_ethnicity"])
    option: Code = Field(examples=["latino"])


Ids = Annotated[list[uuid.UUID], Field(max_length=100)]
SectorTag = Annotated[str, Field(min_length=1, max_length=60)]
ExternalIds = Annotated[
    dict[Annotated[str, Field(min_length=1, max_length=50)],
         Annotated[str, Field(min_length=1, max_length=200)]],
    Field(max_length=20, description="Ids in CRM or grant systems: system -> id.",
          examples=[{"salesforce": "a0B5g00000XyZ", "grants": "G-2025-014"}])]


class ActivityFields(Input):
    title: Title
    description: Text = ""
    status: ActivityStatus = ActivityStatus.PLANNED
    start_date: IsoDate | None = None
    end_date: IsoDate | None = None
    strategy_ids: Ids = Field(default=[], description="Strategies of the initiative's agenda "
                                                      "it serves.")
    goal_ids: Ids = Field(default=[], description="Goals it serves directly (besides those of "
                                                  "its strategies).")
    indicator_ids: Ids = Field(default=[], description="Measurement indicators it contributes "
                                                       "to.")
    geographies: Annotated[list[GeographyCode], Field(max_length=200)] = Field(
        default=[], description="Where it runs; none means the initiative's whole area.")
    populations: Annotated[list[Population], Field(max_length=50)] = Field(
        default=[], description="Groups it serves; none means everyone.")
    sector_tags: Annotated[list[SectorTag], Field(max_length=20)] = []
    external_ids: ExternalIds = {}


class ActivityCreate(ActivityFields):
    model_config = example(
        title="After-school reading tutors",
        lead_organization_id="0d3c9a5e-2f4b-4c8e-9a61-5b7e2d1f8c04", status="active",
        start_date="2025-09-01", strategy_ids=["8b7a6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d"],
        indicator_ids=["5c4b3a29-1807-4f6e-8d5c-4b3a29180776"], geographies=["Lincoln Elementary"],
        populations=[{"dimension": "race_ethnicity", "option": "latino"}],
        sector_tags=["education"], external_ids={"grants": "G-2025-014"})

    lead_organization_id: uuid.UUID = Field(
        description="A participant organization of the initiative (a partner's own).")


class ActivityUpdate(Patch):
    """Dates and status are checked together with the activity's stored values: an end
    date before the start date, or a completed activity without an end date, is a 422."""

    model_config = example(status="completed", end_date="2026-06-30")

    title: Title = patch_field()
    description: Text = patch_field()
    status: ActivityStatus = patch_field()
    start_date: IsoDate | None = patch_field()
    end_date: IsoDate | None = patch_field()
    lead_organization_id: uuid.UUID = patch_field(description="Backbone staff only.")
    strategy_ids: Ids = patch_field()
    goal_ids: Ids = patch_field()
    indicator_ids: Ids = patch_field()
    geographies: Annotated[list[GeographyCode], Field(max_length=200)] = patch_field()
    populations: Annotated[list[Population], Field(max_length=50)] = patch_field()
    sector_tags: Annotated[list[SectorTag], Field(max_length=20)] = patch_field()
    external_ids: ExternalIds = patch_field()


class PopulationRead(BaseModel):
    dimension: str
    option: str


class ActivityRead(EntityRead):
    initiative_id: uuid.UUID
    title: str
    description: str
    status: ActivityStatus
    start_date: date | None
    end_date: date | None
    lead_organization_id: uuid.UUID
    strategy_ids: list[uuid.UUID]
    goal_ids: list[uuid.UUID]
    indicator_ids: list[uuid.UUID]
    geographies: list[str]
    populations: list[PopulationRead]
    sector_tags: list[str]
    external_ids: dict[str, str]
