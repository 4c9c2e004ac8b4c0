"""The initiative's list of places: backbone staff keep it, everyone reads it. Codes never
change and places are never deleted (activities and history refer to them by code); a
place may move under another, as long as no place ends up inside itself."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from activities.domain.places import PlaceTree
from activities.events import GEOGRAPHY_DEFINED, GEOGRAPHY_UPDATED, outbox
from activities.models import Geography
from activities.schemas.geographies import GeographyCreate, GeographyUpdate
from activities.service.references import invalid
from backbone.auth.principal import Principal
from backbone.db import ConcurrentWriteError, violated_unique_constraint
from backbone.errors import Conflict
from backbone.readmodels.agenda import KnownInitiative
from backbone.resources import InitiativeResource

GEOGRAPHIES = InitiativeResource(Geography, "geography", KnownInitiative, outbox,
                                 GEOGRAPHY_DEFINED, GEOGRAPHY_UPDATED)
UNIQUE_CODE = "uq_geographies_initiative_id"


async def tree(session: AsyncSession, initiative_id: uuid.UUID) -> PlaceTree:
    rows = await session.execute(select(Geography.code, Geography.parent).where(
        Geography.initiative_id == initiative_id))
    return PlaceTree(dict(rows.tuples().all()))


async def _check_parent(session: AsyncSession, initiative_id: uuid.UUID, code: str,
                        parent: str | None) -> None:
    """The parent exists, and the move makes no loop (changes of one initiative's tree
    are serialised, so two concurrent moves cannot make one together)."""
    if parent is None:
        return
    await session.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"),
                          {"key": f"geographies:{initiative_id}"})
    places = await tree(session, initiative_id)
    if parent not in places:
        raise invalid("parent", f"'{parent}' is not in the initiative's geography list")
    if places.would_loop(code, parent):
        raise invalid("parent", f"'{code}' would lie inside itself", kind="geography-loop")


async def create(session: AsyncSession, principal: Principal, initiative_id: uuid.UUID,
                 body: GeographyCreate) -> Geography:
    values = body.columns()

    async def check(initiative: KnownInitiative) -> None:
        taken = await session.scalar(select(func.count()).where(
            Geography.initiative_id == initiative.id, Geography.code == body.code))
        if taken:
            raise Conflict(f"The geography list has '{body.code}' already.",
                           kind="duplicate-code")
        await _check_parent(session, initiative.id, body.code, body.parent)

    try:  # the event's state is flushed before it is added
        return await GEOGRAPHIES.create(session, principal, initiative_id, values, check=check)
    except IntegrityError as exc:
        # Another request added the code since the check: run again, and say so.
        if violated_unique_constraint(exc) == UNIQUE_CODE:
            raise ConcurrentWriteError(f"geography {body.code!r} was just added") from exc
        raise


async def update(session: AsyncSession, principal: Principal, id_: uuid.UUID,
                 body: GeographyUpdate, if_match: str | None) -> Geography:
    changes: dict[str, Any] = body.columns()

    async def check(place: Geography) -> None:
        if "parent" in changes:
            await _check_parent(session, place.initiative_id, place.code, changes["parent"])

    return await GEOGRAPHIES.update(session, principal, id_, changes, if_match, check=check)
