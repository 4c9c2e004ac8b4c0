"""The overlaps of an initiative on a day (``activities.domain.overlaps``)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from activities.domain.overlaps import Overlap, find_overlaps
from activities.domain.schedule import runs_on
from activities.domain.work import Work
from activities.schemas.activities import PopulationRead
from activities.schemas.views import OverlapActivity, OverlapRead, OverlapsRead
from activities.service.views import snapshot
from activities.service.views.access import readable_initiative
from backbone.auth.principal import Principal


def _activity(work: Work) -> OverlapActivity:
    return OverlapActivity(id=work.id, title=work.title, lead_organization_id=work.lead,
                           start_date=work.start, end_date=work.end)


def _reason(overlap: Overlap) -> str:
    where = ", ".join(overlap.places) or "the whole area"
    whom = "; ".join(f"{d}: {', '.join(sorted(o))}" for d, o in sorted(overlap.people.items()))
    marked = " They are marked as duplicates." if overlap.marked_duplicate else ""
    return (f"'{overlap.first.title}' and '{overlap.second.title}' are led by different "
            f"organizations, serve the same strategy in {where} for "
            f"{whom or 'everyone'} at the same time, and neither says it reinforces the "
            f"other.{marked}")


async def overlaps(session: AsyncSession, principal: Principal, initiative_id: uuid.UUID,
                   day: date) -> OverlapsRead:
    await readable_initiative(session, principal, initiative_id)
    running = [w for w in await snapshot.activities(session, initiative_id)
               if runs_on(w.status, w.start, w.end, day)]
    tree, _ = await snapshot.places(session, initiative_id)
    found = find_overlaps(running, tree, await snapshot.links(session, initiative_id))
    return OverlapsRead(initiative_id=initiative_id, as_of=day, overlaps=[OverlapRead(
        activities=[_activity(o.first), _activity(o.second)], strategy_ids=o.strategies,
        geographies=o.places,
        populations=[PopulationRead(dimension=d, option=option)
                     for d, options in sorted(o.people.items()) for option in sorted(options)],
        start_date=o.dates[0], end_date=o.dates[1], marked_duplicate=o.marked_duplicate,
        reason=_reason(o)) for o in found])
