"""The overlaps of an initiative on a day (``activities.domain.overlaps``)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from activities.domain.overlaps import Overlap, find_overlaps
from activities.domain.schedule import runs_on
from activities.domain.work import Work
from activities.service.views import snapshot
from backbone.auth.principal import Principal
from backbone.readmodels.agenda import KnownInitiative
from backbone.resources import initiative_row
from backbone.rows import Rows


def _activity(work: Work) -> dict[str, Any]:
    return {"id": str(work.id), "title": work.title, "lead_organization_id": str(work.lead),
            "start_date": work.start, "end_date": work.end}


def _reason(overlap: Overlap) -> str:
    where = ", ".join(overlap.places) or "the whole area"
    whom = "; ".join(f"{d}: {', '.join(sorted(o))}" for d, o in sorted(overlap.people.items()))
    marked = " They are marked as duplicates." if overlap.marked_duplicate else ""
    return (f"'{overlap.first.title}' and '{overlap.second.title}' are led by different "
            f"organizations, serve the same strategy in {where} for "
            f"{whom or 'everyone'} at the same time, and neither says it reinforces the "
            f"other.{marked}")


async def overlaps(rows: Rows, principal: Principal, initiative_id: uuid.UUID,
                   day: date) -> dict[str, Any]:
    """As ``schemas.views.OverlapsRead``, in plain values, ids as text (a large initiative
    has hundreds of overlaps)."""
    async with rows.reader(principal.tenant) as read:
        await initiative_row(read, principal, KnownInitiative, initiative_id)
        works = await snapshot.activities(read, initiative_id)
        tree, _ = await snapshot.places(read, initiative_id)
        links = await snapshot.links(read, initiative_id)
    running = [w for w in works if runs_on(w.status, w.start, w.end, day)]
    return {"initiative_id": initiative_id, "as_of": day, "overlaps": [{
        "activities": [_activity(o.first), _activity(o.second)],
        "strategy_ids": [str(s) for s in o.strategies], "geographies": o.places,
        "populations": [{"dimension": d, "option": option}
                        for d, options in sorted(o.people.items()) for option in sorted(options)],
        "start_date": o.dates[0], "end_date": o.dates[1],
        "marked_duplicate": o.marked_duplicate, "reason": _reason(o),
    } for o in find_overlaps(running, tree, links)]}
