"""The common agenda's numbered revisions as agenda serves them (``/agenda`` and its
revisions); the document itself is part of agenda's contract (``backbone.contracts.agenda``)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from backbone.contracts.agenda.entities import AgendaDocument


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
