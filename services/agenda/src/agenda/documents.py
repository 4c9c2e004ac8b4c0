"""The common agenda as a document: the initiative's problem, vision, goals and
strategies at a numbered revision (what ``/agenda`` and its revisions return)."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from agenda.schemas import GoalStatus


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


class AgendaRevisionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    number: int
    change: str = Field(description="What changed, e.g. `goal.created`.", examples=["goal.created"])
    changed_by: str
    created_at: datetime
    document: AgendaDocument


class AgendaRevisionSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    number: int
    change: str
    changed_by: str
    created_at: datetime
