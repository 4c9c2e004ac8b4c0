"""The measurement service's tables.

Agenda's initiatives and goals are known from the library's agenda read model
(``backbone.readmodels.agenda``); ``initiatives`` holds this service's settings for each
initiative agenda announced, and everything else is owned here. Observations are unique per
indicator, period, cell (the disaggregation as a canonical text such as
``gender=female;race=black``, empty for the total), geography and reporting organization;
each change leaves a row in ``observation_revisions``.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    select,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, column_property, mapped_column

from backbone.consistency import READ_MODEL_HINT
from backbone.db import TenantEntity, service_metadata, utcnow
from backbone.readmodels.agenda import KnownInitiative


class Base(DeclarativeBase):
    metadata = service_metadata()


class Initiative(TenantEntity, Base):
    """An initiative agenda announced (opened when its first event arrives), with this
    service's settings for it."""

    __tablename__ = "initiatives"
    NOT_FOUND_HINT: ClassVar[str] = READ_MODEL_HINT

    min_cell_size: Mapped[int] = mapped_column(Integer, default=10)
    fiscal_year_start_month: Mapped[int] = mapped_column(Integer, default=1)

    @property
    def initiative_id(self) -> uuid.UUID:
        """The id under the name every other measurement record uses for it."""
        return self.id


# Its name, as agenda announced it last (shown with the settings and in their events).
Initiative.name = column_property(
    select(KnownInitiative.name).where(KnownInitiative.id == Initiative.id).scalar_subquery(),
    expire_on_flush=False)


class InitiativeOwned(TenantEntity):
    """Each table indexes ``initiative_id`` by the index its list reads
    (``backbone.listing``)."""

    initiative_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("initiatives.id", ondelete="CASCADE"))


class Dimension(InitiativeOwned, Base):
    """A disaggregation scheme; options are only ever added or retired, never removed."""

    __tablename__ = "dimensions"
    __table_args__ = (UniqueConstraint("initiative_id", "code"),
                      Index("ix_dimensions_list", "initiative_id", "updated_at", "id"))

    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    options: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)


class Indicator(InitiativeOwned, Base):
    __tablename__ = "indicators"
    __table_args__ = (UniqueConstraint("initiative_id", "code"),
                      Index("ix_indicators_list", "initiative_id", "updated_at", "id"))

    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    definition: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(String(20))
    rate_multiplier: Mapped[float] = mapped_column(Float, default=1.0)
    decimals: Mapped[int | None] = mapped_column(Integer)
    direction: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    frequency: Mapped[str] = mapped_column(String(20))
    across_places: Mapped[str] = mapped_column(String(20))
    across_time: Mapped[str] = mapped_column(String(20))
    dimension_ids: Mapped[list[str]] = mapped_column(JSONB, default=list)
    goal_ids: Mapped[list[str]] = mapped_column(JSONB, default=list)
    data_source: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20))
    baseline_period: Mapped[str | None] = mapped_column(String(20))
    baseline_value: Mapped[float | None] = mapped_column(Float)
    progress_status: Mapped[str] = mapped_column(String(20), default="no_target")
    """From reviewed data, as viewers and partners see it."""
    staff_progress_status: Mapped[str] = mapped_column(String(20), default="no_target")
    """From all data not rejected, as backbone staff see it."""
    targets_version: Mapped[int] = mapped_column(Integer, default=0)
    """Counts replacements of the targets: their ETag (they are a resource of their own)."""
    disparities: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    """The gaps between groups, per dimension, from reviewed data as last announced
    (``indicator.disparities_changed``)."""
    data_version: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    """A new random value in every transaction that changes the indicator's observations
    (or how they are combined): what computed figures are cached under."""


class Target(Base):
    """One time-phased target, overall or for one cell and/or reporting organization."""

    __tablename__ = "targets"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    initiative_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("initiatives.id", ondelete="CASCADE"), index=True)
    indicator_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("indicators.id", ondelete="CASCADE"), index=True)
    period: Mapped[str] = mapped_column(String(20))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    cell: Mapped[str] = mapped_column(Text, default="")
    disaggregation: Mapped[dict[str, str]] = mapped_column(JSONB, default=dict)
    organization_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class Disclosure(Base):
    """Which figures of one indicator's period viewers may not see, decided from all of the
    period's approved data (``measurement.domain.disclosure``) whenever it changes.

    ``hidden`` lists ``[cell, geography, organization]``, null meaning all.
    """

    __tablename__ = "disclosures"

    indicator_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("indicators.id", ondelete="CASCADE"), primary_key=True)
    period: Mapped[str] = mapped_column(String(20), primary_key=True)
    hidden: Mapped[list[list[str | None]]] = mapped_column(JSONB)
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Observation(TenantEntity, Base):
    """Written in bulk, so indexed lean: its id, and its key, which starts with what
    series reads select by (indicator and cell).

    ``initiative_id`` is the indicator's (whose foreign key covers it) and ``tenant`` is
    always read together with an indicator, so neither has an index of its own.
    """

    __tablename__ = "observations"
    __table_args__ = (
        Index("uq_observations_key", "indicator_id", "cell", "period", "geography",
              "organization_id", unique=True, postgresql_nulls_not_distinct=True),
        Index("ix_observations_list", "indicator_id", "updated_at", "id"),
    )

    tenant: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    initiative_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    indicator_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("indicators.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(20))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    cell: Mapped[str] = mapped_column(Text, default="")
    disaggregation: Mapped[dict[str, str]] = mapped_column(JSONB, default=dict)
    geography: Mapped[str] = mapped_column(String(200), default="")
    organization_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    value: Mapped[float | None] = mapped_column(Float)
    numerator: Mapped[float | None] = mapped_column(Float)
    denominator: Mapped[float | None] = mapped_column(Float)
    source: Mapped[str] = mapped_column(Text, default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="submitted")
    review_note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(200))
    last_change: Mapped[str] = mapped_column(String(20), default="recorded")
    changed_by: Mapped[str] = mapped_column(String(200))
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ObservationRevision(Base):
    """An earlier version of an observation, archived when the next change was made.

    The current version lives in ``observations``; together they are the full history.
    Keyed by observation and version, and only ever written by copying the observation's
    row, so it carries no foreign key (whose check would cost every bulk row).
    """

    __tablename__ = "observation_revisions"

    observation_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    change: Mapped[str] = mapped_column(String(20))
    value: Mapped[float | None] = mapped_column(Float)
    numerator: Mapped[float | None] = mapped_column(Float)
    denominator: Mapped[float | None] = mapped_column(Float)
    source: Mapped[str] = mapped_column(Text)
    comment: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    changed_by: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Import(Base):
    """The summary of one batch or CSV import."""

    __tablename__ = "imports"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    tenant: Mapped[str] = mapped_column(String(100))
    initiative_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("initiatives.id", ondelete="CASCADE"), index=True)
    format: Mapped[str] = mapped_column(String(10))
    mode: Mapped[str] = mapped_column(String(20))
    rows: Mapped[int] = mapped_column(Integer)
    created: Mapped[int] = mapped_column(Integer)
    updated: Mapped[int] = mapped_column(Integer)
    unchanged: Mapped[int] = mapped_column(Integer)
    errors: Mapped[int] = mapped_column(Integer)
    imported_by: Mapped[str] = mapped_column(String(200))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
