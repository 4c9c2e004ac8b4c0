"""Agenda's entities as other services know them: the fields they reference, and the
version agenda announced last (``source_version``), so a replayed older state changes
nothing."""

from __future__ import annotations

import uuid
from datetime import date
from typing import ClassVar

from sqlalchemy import ARRAY, Date, String, Uuid
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from backbone.consistency import READ_MODEL_HINT
from backbone.db import service_metadata
from backbone.readmodels.known import InInitiative, Known


class AgendaReadModelBase(DeclarativeBase):
    metadata = service_metadata()


class KnownInitiative(Known, AgendaReadModelBase):
    __tablename__ = "agenda_initiatives"
    NOT_FOUND_HINT: ClassVar[str] = READ_MODEL_HINT

    name: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))


class KnownOrganization(Known, AgendaReadModelBase):
    __tablename__ = "agenda_organizations"

    name: Mapped[str] = mapped_column(String(200))
    sector: Mapped[str] = mapped_column(String(30))
    external_ids: Mapped[dict[str, str]] = mapped_column(JSONB)


class KnownGoal(InInitiative, AgendaReadModelBase):
    __tablename__ = "agenda_goals"

    title: Mapped[str] = mapped_column(String(300))


class KnownStrategy(InInitiative, AgendaReadModelBase):
    __tablename__ = "agenda_strategies"

    goal_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    title: Mapped[str] = mapped_column(String(300))


class KnownParticipant(InInitiative, AgendaReadModelBase):
    """A participation: an organization (or community member) in one initiative, with its
    roles there (backbone, partner, funder, ...)."""

    __tablename__ = "agenda_participants"

    kind: Mapped[str] = mapped_column(String(30))
    organization_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    display_name: Mapped[str] = mapped_column(String(200))
    roles: Mapped[list[str]] = mapped_column(ARRAY(String(40)))
    left_on: Mapped[date | None] = mapped_column(Date)


class KnownWorkingGroup(InInitiative, AgendaReadModelBase):
    """A working group and its members (participant ids)."""

    __tablename__ = "agenda_working_groups"

    name: Mapped[str] = mapped_column(String(200))
    member_ids: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(Uuid))
