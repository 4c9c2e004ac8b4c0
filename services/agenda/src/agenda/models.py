"""The agenda service's tables (tenant-scoped, versioned entities)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from backbone.db import TenantEntity, service_metadata, utcnow


class Base(DeclarativeBase):
    metadata = service_metadata()


class InitiativeOwned(TenantEntity):
    """An entity that belongs to one initiative (and goes with it). Each table indexes
    ``initiative_id`` by the index its list reads (``backbone.listing``)."""

    initiative_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("initiatives.id", ondelete="CASCADE")
    )


class Initiative(TenantEntity, Base):
    __tablename__ = "initiatives"
    __table_args__ = (Index("ix_initiatives_list", "tenant", "updated_at", "id"),)

    name: Mapped[str] = mapped_column(String(200))
    problem_statement: Mapped[str] = mapped_column(Text, default="")
    vision: Mapped[str] = mapped_column(Text, default="")
    geography: Mapped[str] = mapped_column(String(200), default="")
    phase: Mapped[str] = mapped_column(String(40))
    preconditions: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    equity_commitments: Mapped[list[str]] = mapped_column(JSONB, default=list)
    status: Mapped[str] = mapped_column(String(20))
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    agenda_revision: Mapped[int] = mapped_column(Integer, default=0)


class Organization(TenantEntity, Base):
    __tablename__ = "organizations"
    __table_args__ = (Index("ix_organizations_list", "tenant", "updated_at", "id"),)

    name: Mapped[str] = mapped_column(String(200))
    sector: Mapped[str] = mapped_column(String(40))
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str | None] = mapped_column(String(320))
    website: Mapped[str | None] = mapped_column(String(500))
    # Its CRM ids are rows of OrganizationExternalId, written and read with it on the row
    # pool (``agenda.service.organizations``).


class OrganizationExternalId(Base):
    """One CRM id of an organization; unique per tenant and system."""

    __tablename__ = "organization_external_ids"

    tenant: Mapped[str] = mapped_column(String(100), primary_key=True)
    system: Mapped[str] = mapped_column(String(50), primary_key=True)
    external_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    organization_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    __table_args__ = (UniqueConstraint("organization_id", "system"),)


class Participant(InitiativeOwned, Base):
    __tablename__ = "participants"

    kind: Mapped[str] = mapped_column(String(30))
    organization_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="RESTRICT"), index=True
    )
    display_name: Mapped[str] = mapped_column(String(200))
    roles: Mapped[list[str]] = mapped_column(JSONB, default=list)
    joined_on: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)
    commitment_statement: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        Index("uq_participants_initiative_org", "initiative_id", "organization_id", unique=True,
              postgresql_where="organization_id IS NOT NULL"),
        Index("ix_participants_list", "initiative_id", "updated_at", "id"),
    )


class Goal(InitiativeOwned, Base):
    __tablename__ = "goals"
    __table_args__ = (Index("ix_goals_list", "initiative_id", "updated_at", "id"),)

    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    population: Mapped[str] = mapped_column(String(300), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20), default="active")


class Strategy(InitiativeOwned, Base):
    __tablename__ = "strategies"
    __table_args__ = (Index("ix_strategies_list", "initiative_id", "updated_at", "id"),
                      Index("ix_strategies_goal_id_list", "goal_id", "initiative_id",
                            "updated_at", "id"))

    goal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class WorkingGroup(InitiativeOwned, Base):
    __tablename__ = "working_groups"
    __table_args__ = (Index("ix_working_groups_list", "initiative_id", "updated_at", "id"),)

    name: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(Text, default="")
    goal_ids: Mapped[list[str]] = mapped_column(JSONB, default=list)
    member_ids: Mapped[list[str]] = mapped_column(JSONB, default=list)


class Decision(InitiativeOwned, Base):
    __tablename__ = "decisions"
    __table_args__ = (Index("ix_decisions_list", "initiative_id", "updated_at", "id"),)

    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[str] = mapped_column(String(20))
    decided_on: Mapped[date] = mapped_column(Date)
    votes: Mapped[dict[str, int] | None] = mapped_column(JSONB)
    participant_ids: Mapped[list[str]] = mapped_column(JSONB, default=list)
    goal_ids: Mapped[list[str]] = mapped_column(JSONB, default=list)


class AgendaRevision(Base):
    """One numbered version of an initiative's common agenda (history is never rewritten)."""

    __tablename__ = "agenda_revisions"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    tenant: Mapped[str] = mapped_column(String(100))
    initiative_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("initiatives.id", ondelete="CASCADE")
    )
    number: Mapped[int] = mapped_column(Integer)
    change: Mapped[str] = mapped_column(String(200))
    changed_by: Mapped[str] = mapped_column(String(200))
    document: Mapped[dict[str, Any]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    __table_args__ = (UniqueConstraint("initiative_id", "number"),)
