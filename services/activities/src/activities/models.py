"""The activities service's tables.

Initiatives, organizations, participants, goals and strategies are known from the library's
agenda read model; indicators, dimensions and their figures from its measurement read model.
Everything here is owned by one initiative. Geographies are referred to by code (the codes
measurement's observations use for places), references to other services' entities by id.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy import text as sql
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from backbone.db import TenantEntity, service_metadata


class Base(DeclarativeBase):
    metadata = service_metadata()


class InInitiative(TenantEntity):
    """Each table indexes ``initiative_id`` by the index its list reads
    (``backbone.listing``)."""

    initiative_id: Mapped[uuid.UUID] = mapped_column(Uuid)


class Geography(InInitiative, Base):
    """A place of the initiative's list; ``parent`` is the code of the place it lies in
    (county > city > neighborhood, district > school). Codes never change."""

    __tablename__ = "geographies"
    __table_args__ = (UniqueConstraint("initiative_id", "code"),
                      Index("ix_geographies_list", "initiative_id", "updated_at", "id"))

    code: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200))
    parent: Mapped[str | None] = mapped_column(String(200))


class Activity(InInitiative, Base):
    __tablename__ = "activities"
    __table_args__ = (Index("ix_activities_external_ids", "external_ids",
                            postgresql_using="gin"),
                      Index("ix_activities_list", "initiative_id", "updated_at", "id"))

    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20))
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    lead_organization_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    strategy_ids: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(Uuid), default=list)
    goal_ids: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(Uuid), default=list)
    indicator_ids: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(Uuid), default=list)
    geographies: Mapped[list[str]] = mapped_column(ARRAY(String(200)), default=list)
    populations: Mapped[list[dict[str, str]]] = mapped_column(JSONB, default=list)
    """``[{"dimension": code, "option": code}]`` of measurement's dimensions."""
    sector_tags: Mapped[list[str]] = mapped_column(ARRAY(String(60)), default=list)
    external_ids: Mapped[dict[str, str]] = mapped_column(JSONB, default=dict)


class Contributor(InInitiative, Base):
    """One organization's part in an activity, in one IATI role, and what it brings."""

    __tablename__ = "contributors"
    __table_args__ = (UniqueConstraint("activity_id", "organization_id", "role"),
                      Index("ix_contributors_list", "initiative_id", "updated_at", "id"),
                      Index("ix_contributors_activity_id_list", "activity_id", "initiative_id",
                            "updated_at", "id"))

    activity_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"))
    organization_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    role: Mapped[str] = mapped_column(String(20))
    money_amount: Mapped[Decimal | None] = mapped_column(Numeric)
    money_currency: Mapped[str | None] = mapped_column(String(3))
    staff_hours: Mapped[float | None] = mapped_column(Float)
    in_kind: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")

    @property
    def money(self) -> dict[str, Any] | None:
        if self.money_amount is None:
            return None
        return {"amount": self.money_amount, "currency": self.money_currency}


class Commitment(InInitiative, Base):
    """What a participant organization pledged; ``overdue_since`` is set (and announced)
    once when an open commitment's due date has passed, and cleared when the due date
    moves."""

    __tablename__ = "commitments"
    __table_args__ = (Index("ix_commitments_to_check", "due_date",
                            postgresql_where=sql("status = 'open' AND overdue_since IS NULL")),
                      Index("ix_commitments_list", "initiative_id", "updated_at", "id"))

    organization_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    text: Mapped[str] = mapped_column(Text)
    activity_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("activities.id", ondelete="SET NULL"), index=True)
    strategy_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    overdue_since: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ActivityUpdate(InInitiative, Base):
    """A dated progress note or milestone of an activity, with output figures if any
    (``[{"name", "value", "unit"}]``)."""

    __tablename__ = "activity_updates"
    __table_args__ = (Index("ix_activity_updates_list", "initiative_id", "updated_at", "id"),
                      Index("ix_activity_updates_activity_id_list", "activity_id",
                            "initiative_id", "updated_at", "id"))

    activity_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    reported_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text, default="")
    milestone: Mapped[str] = mapped_column(String(300), default="")
    planned_on: Mapped[date | None] = mapped_column(Date)
    achieved_on: Mapped[date | None] = mapped_column(Date)
    outputs: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    author: Mapped[str] = mapped_column(String(300))


class ActivityLink(InInitiative, Base):
    """A typed edge from one activity to another of the same initiative."""

    __tablename__ = "activity_links"
    __table_args__ = (UniqueConstraint("from_activity_id", "to_activity_id", "kind"),
                      Index("ix_activity_links_list", "initiative_id", "updated_at", "id"))

    from_activity_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True)
    to_activity_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
