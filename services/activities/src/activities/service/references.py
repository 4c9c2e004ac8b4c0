"""Checks of what a write refers to, against this service's tables and its read models of
agenda and measurement (no calls to other services): an unknown or foreign reference is a
422 naming the field, and nothing is stored."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from activities.models import Activity, Geography
from backbone.db import utcnow
from backbone.errors import Invalid
from backbone.readmodels.agenda import KnownGoal, KnownOrganization, KnownParticipant, KnownStrategy
from backbone.readmodels.measurement import KnownDimension, KnownIndicator
from backbone.resources import ensure_in_initiative


def invalid(field: str, message: str, kind: str = "unknown-reference") -> Invalid:
    return Invalid(f"{field}: {message}", kind=kind,
                   errors=[{"loc": ["body", field], "msg": message, "type": kind.replace(
                       "-", "_")}])


async def participant_organization(session: AsyncSession, initiative_id: uuid.UUID,
                                   organization_id: uuid.UUID, field: str) -> None:
    """An organization taking part in the initiative, as agenda announced it (and that has
    not left it)."""
    found = await session.scalar(select(KnownParticipant.id).where(
        KnownParticipant.initiative_id == initiative_id,
        KnownParticipant.organization_id == organization_id,
        or_(KnownParticipant.left_on.is_(None), KnownParticipant.left_on > utcnow().date()),
    ).limit(1))
    if found is None:
        raise invalid(field, f"organization {organization_id} does not take part in this "
                             "initiative")


async def directory_organization(session: AsyncSession, tenant: str,
                                 organization_id: uuid.UUID, field: str) -> None:
    """An organization of the network's directory (a funder need not be a participant)."""
    found = await session.scalar(select(KnownOrganization.id).where(
        KnownOrganization.tenant == tenant, KnownOrganization.id == organization_id))
    if found is None:
        raise invalid(field, f"organization {organization_id} is not in the network's "
                             "directory")


async def activity_in(session: AsyncSession, initiative_id: uuid.UUID,
                      activity_id: uuid.UUID, field: str) -> Activity:
    """An activity of the initiative (another initiative's or tenant's is unknown here)."""
    found = await session.scalar(select(Activity).where(
        Activity.id == activity_id, Activity.initiative_id == initiative_id))
    if found is None:
        raise invalid(field, f"activity {activity_id} is not in this initiative")
    return found


async def geographies(session: AsyncSession, initiative_id: uuid.UUID,
                      codes: Collection[str], field: str) -> None:
    if not codes:
        return
    known = set((await session.execute(select(Geography.code).where(
        Geography.initiative_id == initiative_id, Geography.code.in_(codes)))).scalars())
    missing = sorted(set(codes) - known)
    if missing:
        raise invalid(field, "not in the initiative's geography list: " + ", ".join(missing))


async def populations(session: AsyncSession, initiative_id: uuid.UUID,
                      groups: Sequence[Mapping[str, str]], field: str) -> None:
    """Options of the initiative's measurement dimensions (retired ones take no new use)."""
    if not groups:
        return
    options = {d.code: {o["code"]: bool(o.get("retired")) for o in d.options}
               for d in (await session.execute(select(KnownDimension).where(
                   KnownDimension.initiative_id == initiative_id))).scalars()}
    for group in groups:
        dimension, option = group["dimension"], group["option"]
        if dimension not in options:
            raise invalid(field, f"'{dimension}' is not a measurement dimension of this "
                                 "initiative")
        if option not in options[dimension]:
            raise invalid(field, f"'{option}' is not an option of '{dimension}'")
        if options[dimension][option]:
            raise invalid(field, f"option '{option}' of '{dimension}' is retired")


async def activity_links(session: AsyncSession, initiative_id: uuid.UUID,
                         values: Mapping[str, Any]) -> None:
    """The agenda, measurement and geography references among an activity's values."""
    for field, model in (("strategy_ids", KnownStrategy), ("goal_ids", KnownGoal),
                         ("indicator_ids", KnownIndicator)):
        if values.get(field):
            await ensure_in_initiative(session, model, initiative_id,
                                       [uuid.UUID(str(i)) for i in values[field]], field)
    if "geographies" in values:
        await geographies(session, initiative_id, values["geographies"], "geographies")
    if "populations" in values:
        await populations(session, initiative_id, values["populations"], "populations")
