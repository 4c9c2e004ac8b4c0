"""The agenda HTTP surface: request and response models.

Response models and enums are agenda's published contract (``backbone.contracts.agenda``),
the same models its events carry; they are re-exported here with the request models.
"""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum
from typing import Annotated, Self

from pydantic import EmailStr, Field, HttpUrl, StrictInt, model_validator

from backbone.contracts.agenda.entities import (
    DecisionMethod as DecisionMethod,
)
from backbone.contracts.agenda.entities import (
    DecisionRead as DecisionRead,
)
from backbone.contracts.agenda.entities import (
    GoalRead as GoalRead,
)
from backbone.contracts.agenda.entities import (
    GoalStatus as GoalStatus,
)
from backbone.contracts.agenda.entities import (
    InitiativeRead as InitiativeRead,
)
from backbone.contracts.agenda.entities import (
    InitiativeStatus as InitiativeStatus,
)
from backbone.contracts.agenda.entities import (
    OrganizationRead as OrganizationRead,
)
from backbone.contracts.agenda.entities import (
    ParticipantKind as ParticipantKind,
)
from backbone.contracts.agenda.entities import (
    ParticipantRead as ParticipantRead,
)
from backbone.contracts.agenda.entities import (
    ParticipantRole as ParticipantRole,
)
from backbone.contracts.agenda.entities import (
    Phase as Phase,
)
from backbone.contracts.agenda.entities import (
    Sector as Sector,
)
from backbone.contracts.agenda.entities import (
    StrategyRead as StrategyRead,
)
from backbone.contracts.agenda.entities import (
    WorkingGroupRead as WorkingGroupRead,
)
from backbone.http.schemas import Input, IsoDate, Patch, example, patch_field

Name = Annotated[str, Field(min_length=1, max_length=200)]
Title = Annotated[str, Field(min_length=1, max_length=300)]
Text = Annotated[str, Field(max_length=20_000)]
System = Annotated[str, Field(pattern=r"^[a-z0-9_-]{1,50}$", examples=["salesforce"])]
ExternalId = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^\S(.*\S)?$")]
ExternalIds = Annotated[
    dict[System, ExternalId],
    Field(max_length=20, description="Ids of this record in other systems (CRMs).",
          examples=[{"salesforce": "0015g00000XyZ"}]),
]


class Readiness(StrEnum):
    STRONG = "strong"
    PARTIAL = "partial"
    ABSENT = "absent"
    UNKNOWN = "unknown"


class PreconditionAssessment(Input):
    status: Readiness = Readiness.UNKNOWN
    assessment: Text = ""


class Preconditions(Input):
    """The three preconditions of collective impact, each with an assessment."""

    champion: PreconditionAssessment = PreconditionAssessment()
    financial_resources: PreconditionAssessment = PreconditionAssessment()
    urgency: PreconditionAssessment = PreconditionAssessment()


def dates_in_order(start: date | None, end: date | None) -> bool:
    return not (start and end and end < start)


def check_dates(start: date | None, end: date | None) -> None:
    if not dates_in_order(start, end):
        raise ValueError("the end date is before the start date")


class InitiativeCreate(Input):
    model_config = example(
        name="Riverside Cradle to Career Partnership",
        problem_statement="One in three children starts kindergarten not ready to learn.",
        vision="Every child succeeds, from cradle to career.", geography="Riverside County",
        phase="organizing_for_impact", status="active", start_date="2024-09-01")

    name: Name
    problem_statement: Text = ""
    vision: Text = ""
    geography: Annotated[str, Field(max_length=200)] = ""
    phase: Phase = Phase.INITIATING_ACTION
    preconditions: Preconditions = Preconditions()
    equity_commitments: Annotated[list[Annotated[str, Field(max_length=2000)]],
                                  Field(max_length=50)] = []
    status: InitiativeStatus = InitiativeStatus.PLANNING
    start_date: IsoDate | None = None
    end_date: IsoDate | None = None

    @model_validator(mode="after")
    def _dates(self) -> Self:
        check_dates(self.start_date, self.end_date)
        return self


class InitiativeUpdate(Patch):
    model_config = example(
        vision="Every Riverside child succeeds, from cradle to career.", phase="sustaining_action")

    name: Name = patch_field()
    problem_statement: Text = patch_field()
    vision: Text = patch_field()
    geography: Annotated[str, Field(max_length=200)] = patch_field()
    phase: Phase = patch_field()
    preconditions: Preconditions = patch_field()
    equity_commitments: Annotated[list[Annotated[str, Field(max_length=2000)]],
                                  Field(max_length=50)] = patch_field()
    status: InitiativeStatus = patch_field()
    start_date: IsoDate | None = patch_field()
    end_date: IsoDate | None = patch_field()


class OrganizationCreate(Input):
    model_config = example(
        name="Riverside Public Library", sector="government",
        website="https://library.riverside.example",
        external_ids={"salesforce": "0015g00000LIB008"})

    name: Name
    sector: Sector
    contact_name: Annotated[str, Field(max_length=200)] | None = None
    contact_email: EmailStr | None = None
    website: HttpUrl | None = None
    external_ids: ExternalIds = {}


class OrganizationUpdate(Patch):
    model_config = example(
        contact_name="Dana Ortiz", contact_email="dana.ortiz@library.riverside.example")

    name: Name = patch_field()
    sector: Sector = patch_field()
    contact_name: Annotated[str, Field(max_length=200)] | None = patch_field()
    contact_email: EmailStr | None = patch_field()
    website: HttpUrl | None = patch_field()
    external_ids: ExternalIds = patch_field(description="Replaces the whole map when sent.")


Roles = Annotated[list[ParticipantRole], Field(min_length=1, max_length=5)]


class ParticipantCreate(Input):
    model_config = example(
        kind="organization", organization_id="0d3c9a5e-2f4b-4c8e-9a61-5b7e2d1f8c04",
        roles=["partner"], joined_on="2024-09-01",
        commitment_statement="We align our reading programmes with the partnership's goals.")

    kind: ParticipantKind
    organization_id: uuid.UUID | None = Field(
        None, description="Required for organizations, absent for community members."
    )
    display_name: Annotated[str, Field(max_length=200)] | None = Field(
        None, description="Name shown for a community member (defaults to the organization's)."
    )
    roles: Roles
    joined_on: IsoDate | None = None
    left_on: IsoDate | None = None
    commitment_statement: Text = ""

    @model_validator(mode="after")
    def _shape(self) -> Self:
        if self.kind is ParticipantKind.ORGANIZATION and self.organization_id is None:
            raise ValueError("an organization participant needs organization_id")
        if self.kind is ParticipantKind.COMMUNITY_MEMBER:
            if self.organization_id is not None:
                raise ValueError("a community member has no organization_id")
            if not self.display_name:
                raise ValueError("a community member needs a display_name")
        check_dates(self.joined_on, self.left_on)
        return self


class ParticipantUpdate(Patch):
    model_config = example(
        commitment_statement="We host the summer reading programme in all six branches.")

    display_name: Annotated[str, Field(min_length=1, max_length=200)] = patch_field()
    roles: Roles = patch_field()
    joined_on: IsoDate | None = patch_field()
    left_on: IsoDate | None = patch_field()
    commitment_statement: Text = patch_field()


class GoalCreate(Input):
    model_config = example(
        title="Every student reads at grade level by third grade",
        population="Students in grades K-3", position=1)

    title: Title
    description: Text = ""
    population: Annotated[str, Field(max_length=300)] = Field(
        "", description="Who the population-level result is for."
    )
    position: Annotated[StrictInt, Field(ge=0, le=10_000)] = 0
    status: GoalStatus = GoalStatus.ACTIVE


class GoalUpdate(Patch):
    model_config = example(status="achieved")

    title: Title = patch_field()
    description: Text = patch_field()
    population: Annotated[str, Field(max_length=300)] = patch_field()
    position: Annotated[StrictInt, Field(ge=0, le=10_000)] = patch_field()
    status: GoalStatus = patch_field()


class StrategyCreate(Input):
    model_config = example(title="Summer reading with the public library", position=0)

    title: Title
    description: Text = ""
    position: Annotated[StrictInt, Field(ge=0, le=10_000)] = 0


class StrategyUpdate(Patch):
    model_config = example(title="Summer reading camps in every branch")

    title: Title = patch_field()
    description: Text = patch_field()
    position: Annotated[StrictInt, Field(ge=0, le=10_000)] = patch_field()


IdList = Annotated[list[uuid.UUID], Field(max_length=500)]


class WorkingGroupCreate(Input):
    model_config = example(
        name="Early Learning Action Team", purpose="Kindergarten readiness.",
        goal_ids=["3f6e1c2a-9b8d-4e7f-a6b5-c4d3e2f1a0b9"],
        member_ids=["4d3c2b1a-0f9e-4d8c-b7a6-5f4e3d2c1b0a"])

    name: Name
    purpose: Text = ""
    goal_ids: IdList = []
    member_ids: IdList = Field([], description="Participant ids of the members.")


class WorkingGroupUpdate(Patch):
    model_config = example(purpose="Kindergarten readiness and third-grade reading.")

    name: Name = patch_field()
    purpose: Text = patch_field()
    goal_ids: IdList = patch_field()
    member_ids: IdList = patch_field()


class Votes(Input):
    in_favour: Annotated[StrictInt, Field(ge=0, le=1_000_000)] = 0
    against: Annotated[StrictInt, Field(ge=0, le=1_000_000)] = 0
    abstained: Annotated[StrictInt, Field(ge=0, le=1_000_000)] = 0


class DecisionCreate(Input):
    model_config = example(
        title="Prioritise the east side for pre-K expansion", method="vote",
        decided_on="2025-02-12", votes={"in_favour": 11, "against": 2, "abstained": 1},
        goal_ids=["3f6e1c2a-9b8d-4e7f-a6b5-c4d3e2f1a0b9"])

    title: Title
    description: Text = ""
    method: DecisionMethod
    decided_on: IsoDate
    votes: Votes | None = Field(None, description="The tally, for decisions taken by vote.")
    participant_ids: IdList = Field([], description="Participants who took the decision.")
    goal_ids: IdList = Field([], description="Goals the decision is about.")


class DecisionUpdate(Patch):
    model_config = example(description="Decided at the February leadership table.")

    title: Title = patch_field()
    description: Text = patch_field()
    method: DecisionMethod = patch_field()
    decided_on: IsoDate = patch_field()
    votes: Votes | None = patch_field()
    participant_ids: IdList = patch_field()
    goal_ids: IdList = patch_field()


