"""Which organizations report to which indicator (from measurement's observation events):
the organizations contributing to it, whom its going off track concerns."""

from __future__ import annotations

import uuid

from sqlalchemy import String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from notifications.models.base import Base


class IndicatorContributor(Base):
    __tablename__ = "indicator_contributors"

    indicator_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    organization_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    tenant: Mapped[str] = mapped_column(String(100))
