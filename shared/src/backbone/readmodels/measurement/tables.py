"""Measurement's definitions and figures as other services know them: indicators with the
progress status viewers see, dimensions with their options, and, for questions asked "as of"
a date, the history of each indicator's status and of its disparities between groups.

Only what viewers may see is kept: the reviewed view of statuses and disparities."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import DateTime, String, Uuid
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from backbone.consistency import READ_MODEL_HINT
from backbone.db import service_metadata
from backbone.readmodels.known import InInitiative


class MeasurementReadModelBase(DeclarativeBase):
    metadata = service_metadata()


class KnownIndicator(InInitiative, MeasurementReadModelBase):
    __tablename__ = "measurement_indicators"
    NOT_FOUND_HINT: ClassVar[str] = READ_MODEL_HINT

    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20))
    progress_status: Mapped[str] = mapped_column(String(20))
    dimension_ids: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(Uuid))
    goal_ids: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(Uuid))


class KnownDimension(InInitiative, MeasurementReadModelBase):
    """A dimension and its options (``[{"code", "label", "retired"}]``)."""

    __tablename__ = "measurement_dimensions"

    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    options: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)


class ProgressStatusSince(MeasurementReadModelBase):
    """An indicator's progress status (reviewed view) from ``since`` (the time measurement
    published it) until the next row's."""

    __tablename__ = "measurement_progress_statuses"

    indicator_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    since: Mapped[datetime] = mapped_column(DateTime(timezone=True), primary_key=True)
    tenant: Mapped[str] = mapped_column(String(100))
    initiative_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    status: Mapped[str] = mapped_column(String(20))


class DisparitiesSince(MeasurementReadModelBase):
    """An indicator's disparities (reviewed view; ``dimensions`` as in
    ``indicator.disparities_changed``) from ``since`` until the next row's."""

    __tablename__ = "measurement_disparities"

    indicator_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    since: Mapped[datetime] = mapped_column(DateTime(timezone=True), primary_key=True)
    tenant: Mapped[str] = mapped_column(String(100))
    initiative_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    dimensions: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
