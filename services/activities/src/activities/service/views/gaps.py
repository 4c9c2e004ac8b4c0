"""The gaps of an initiative on a day (``activities.domain.gaps``)."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import date

from activities.domain.gaps import GapKind, find_gaps
from activities.domain.schedule import runs_on
from activities.schemas.views import GapRead, GapsRead, WideningRead
from activities.service.views import snapshot
from backbone.auth.principal import Principal
from backbone.readmodels.agenda import KnownInitiative
from backbone.resources import initiative_row
from backbone.rows import Rows


async def gaps(rows: Rows, principal: Principal, initiative_id: uuid.UUID,
               day: date, kinds: frozenset[GapKind]) -> GapsRead:
    async with rows.reader(principal.tenant) as read:
        await initiative_row(read, principal, KnownInitiative, initiative_id)
        plan = await snapshot.plan(read, initiative_id, day)
        works = await snapshot.activities(read, initiative_id)
    running = [w for w in works if runs_on(w.status, w.start, w.end, day)]
    found = [g for g in find_gaps(plan, running) if not kinds or g.kind in kinds]
    counts = Counter(g.kind for g in found)
    return GapsRead(
        initiative_id=initiative_id, as_of=day,
        counts={kind: counts.get(kind, 0) for kind in GapKind},
        gaps=[GapRead(kind=g.kind, reason=g.reason, goal_id=g.goal_id,
                      strategy_id=g.strategy_id, indicator_id=g.indicator_id,
                      geographies=list(g.geographies),
                      widening=WideningRead(
                          dimension=g.widening.dimension, group=g.widening.group,
                          reference_group=g.widening.reference_group,
                          first_period=g.widening.first_period,
                          last_period=g.widening.last_period,
                          first_gap=g.widening.first_gap, last_gap=g.widening.last_gap)
                      if g.widening else None,
                      activity_ids=list(g.activity_ids))
              for g in found])
