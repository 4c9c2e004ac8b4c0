"""Agenda's entities as it publishes them (HTTP representation and event payload alike)."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field

from backbone.http.schemas import EntityRead, IsoDate


class Phase(StrEnum):
    INITIATING_ACTION = "initiating_action"
    ORGANIZING_FOR_IMPACT = "organizing_for_impact"
    SUSTAINING_ACTION = "sustaining_action"


class InitiativeStatus(StrEnum):
    PLANNING = "planning"
    ACTIVE = "active"
    PAUSED = "paused"
    CLOSED = "closed"


class Sector(StrEnum):
    NONPROFIT = "nonprofit"
    GOVERNMENT = "government"
    BUSINESS = "business"
    PHILANTHROPY = "philanthropy"
    EDUCATION = "education"
    HEALTH = "health"
    FAITH = "faith"
    COMMUNITY = "community"
    OTHER = "other"


class ParticipantKind(StrEnum):
    ORGANIZATION = "organization"
    COMMUNITY_MEMBER = "community_member"


class ParticipantRole(StrEnum):
    BACKBONE = "backbone"
    PARTNER = "partner"
    FUNDER = "funder"
    CHAMPION = "champion"
    COMMUNITY_REPRESENTATIVE = "community_representative"


class GoalStatus(StrEnum):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    RETIRED = "retired"


class DecisionMethod(StrEnum):
    CONSENSUS = "consensus"
    VOTE = "vote"
    DELEGATED = "delegated"
    OTHER = "other"


class InitiativeRead(EntityRead):
    name: str
    problem_statement: str
    vision: str
    geography: str
    phase: Phase
    preconditions: dict[str, Any]
    equity_commitments: list[str]
    status: InitiativeStatus
    start_date: IsoDate | None
    end_date: IsoDate | None
    agenda_revision: int = Field(description="Number of the current common agenda revision.")


class OrganizationRead(EntityRead):
    name: str
    sector: Sector
    contact_name: str | None
    contact_email: str | None
    website: str | None
    external_ids: dict[str, str]


class ParticipantRead(EntityRead):
    initiative_id: uuid.UUID
    kind: ParticipantKind
    organization_id: uuid.UUID | None
    display_name: str
    roles: list[ParticipantRole]
    joined_on: IsoDate | None
    left_on: IsoDate | None
    commitment_statement: str


class GoalRead(EntityRead):
    initiative_id: uuid.UUID
    title: str
    description: str
    population: str
    position: int
    status: GoalStatus


class StrategyRead(EntityRead):
    initiative_id: uuid.UUID
    goal_id: uuid.UUID
    title: str
    description: str
    position: int


class WorkingGroupRead(EntityRead):
    initiative_id: uuid.UUID
    name: str
    purpose: str
    goal_ids: list[uuid.UUID]
    member_ids: list[uuid.UUID]


class DecisionRead(EntityRead):
    initiative_id: uuid.UUID
    title: str
    description: str
    method: DecisionMethod
    decided_on: IsoDate
    votes: dict[str, int] | None
    participant_ids: list[uuid.UUID]
    goal_ids: list[uuid.UUID]


class AgendaStrategy(BaseModel):
    id: uuid.UUID
    title: str
    description: str


class AgendaGoal(BaseModel):
    id: uuid.UUID
    title: str
    description: str
    population: str
    status: GoalStatus
    strategies: list[AgendaStrategy]


class AgendaDocument(BaseModel):
    """The common agenda as one document: problem, vision, goals and their strategies."""

    initiative_id: uuid.UUID
    name: str
    problem_statement: str
    vision: str
    goals: list[AgendaGoal]

