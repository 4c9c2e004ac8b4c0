"""The agenda's initiative-owned resources: agenda-shaping ones record a revision."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement

from agenda.events import outbox
from agenda.models import Initiative
from agenda.service.agenda import revise
from backbone.events.registry import EventType
from backbone.resources import InitiativeResource


def agenda_resource(
    model: Any, what: str, created: EventType, updated: EventType, deleted: EventType,
    *, revises_agenda: bool = False, filters: Mapping[str, ColumnElement[bool]] | None = None,
    under: str | None = None,
) -> InitiativeResource[Any]:
    return InitiativeResource(model, what, Initiative, outbox, created, updated, deleted,
                              after_change=revise if revises_agenda else None,
                              filters=filters or {}, under=under)
