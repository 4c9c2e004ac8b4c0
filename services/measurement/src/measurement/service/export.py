"""A snapshot of an initiative's observations for data teams, with its watermark.

The topic's end offsets are read first (``backbone.events.watermark``), then one read-only
repeatable-read transaction is opened and every row is read from it: the file is one
consistent snapshot, however long it takes to stream, and every event below the watermark
is in it.

Who sees what, as everywhere in measurement:

- backbone staff: approved observations, or (``status=all``) every one with its status;
- others: approved observations only. A partner sees its own organization's in full.
  Otherwise a row is shown only where it is the figure viewers are shown anyway (the only
  report of its cell in its place that period) and with its figures blanked
  (``suppressed``) where small-cell protection hides that figure; rows of a cell that
  several organizations report in one place are figures of one organization, shown to it
  alone, and left out.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from aiokafka.errors import KafkaError
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.principal import InitiativeRole, Principal
from backbone.contracts.measurement.entities import ObservationStatus
from backbone.db import SessionFactory
from backbone.errors import Forbidden, Unavailable
from backbone.events.registry import topic_of
from backbone.events.watermark import Watermark, read_watermark
from backbone.settings import BaseServiceSettings
from measurement.domain.disclosure import Node
from measurement.service import disclosure
from measurement.service.context import initiative_for

BATCH = 2_000
"""Rows fetched (and written) at a time."""


class ExportStatus(StrEnum):
    APPROVED = "approved"
    ALL = "all"


COLUMNS = ("id", "indicator_id", "indicator_code", "period", "period_start", "period_end",
           "disaggregation", "geography", "organization_id", "value", "numerator",
           "denominator", "status", "version", "updated_at", "suppressed")
"""The columns of the file, in order (``disaggregation`` as JSON text, keys sorted)."""

_ROWS = text("""
SELECT o.id, o.indicator_id, i.code, o.period, o.period_start, o.period_end,
       o.disaggregation::text, o.geography, o.organization_id, o.value, o.numerator,
       o.denominator, o.status, o.version, o.updated_at, o.cell,
       count(*) OVER (PARTITION BY o.indicator_id, o.period, o.cell, o.geography)
FROM observations o JOIN indicators i ON i.id = o.indicator_id
WHERE o.initiative_id = :initiative_id AND o.status = ANY(CAST(:statuses AS text[]))
ORDER BY i.code, o.period_end, o.cell, o.geography, o.organization_id NULLS FIRST
""")

Row = tuple[Any, ...]
Hidden = dict[uuid.UUID, disclosure.Decisions]
"""Per indicator, the small-cell decisions read in the snapshot (None for staff)."""


@dataclass
class Snapshot:
    """An open snapshot: its watermark, and its rows to be read once."""

    initiative_id: uuid.UUID
    watermark: Watermark
    rows: AsyncIterator[list[Row]]


async def open_snapshot(session: AsyncSession, sessions: SessionFactory,
                        settings: BaseServiceSettings, principal: Principal,
                        initiative_id: uuid.UUID, status: ExportStatus) -> Snapshot:
    """Check the caller, read the watermark, then take the snapshot (its first statement
    runs before this returns, so nothing committed later is in it)."""
    initiative = await initiative_for(session, principal, initiative_id, InitiativeRole.VIEWER)
    staff = principal.has_role(initiative_id, InitiativeRole.BACKBONE)
    if status is ExportStatus.ALL and not staff:
        raise Forbidden("Only backbone staff export observations not yet approved.")
    try:
        watermark = await read_watermark(settings, topic_of("measurement"))
    except KafkaError as exc:
        raise Unavailable(f"The event broker cannot be reached ({exc}); the watermark of a "
                          "snapshot is read from it. Try again shortly.") from exc
    stack = AsyncExitStack()
    try:
        snapshot = await stack.enter_async_context(sessions())
        await snapshot.connection(execution_options={"isolation_level": "REPEATABLE READ",
                                                     "postgresql_readonly": True})
        hidden = None if staff else await disclosure.decisions_in(snapshot, initiative_id)
        statuses = ([s.value for s in ObservationStatus] if status is ExportStatus.ALL
                    else [ObservationStatus.APPROVED.value])
        result = await snapshot.stream(_ROWS, {"initiative_id": initiative_id,
                                               "statuses": statuses})
    except BaseException:
        await stack.aclose()
        raise
    own = None if staff else principal.org
    return Snapshot(initiative.id, watermark, _batches(stack, result, hidden, own))


async def _batches(stack: AsyncExitStack, result: Any,
                   hidden: Hidden | None, own: uuid.UUID | None
                   ) -> AsyncIterator[list[Row]]:
    """The snapshot's rows as the caller may see them, a batch at a time; the snapshot's
    transaction ends with the last batch (or when the reader stops)."""
    async with stack:
        async for rows in result.partitions(BATCH):
            shown = [row for row in (_as_seen(r, hidden, own) for r in rows) if row]
            if shown:
                yield shown


def _as_seen(row: Any, hidden: Hidden | None, own: uuid.UUID | None) -> Row | None:
    *columns, cell, reporters = row
    columns[6] = json.dumps(json.loads(columns[6]), sort_keys=True)  # one text per cell
    if hidden is None or (own is not None and columns[8] == own):
        return (*columns, False)
    if reporters > 1:
        return None  # one organization's figure: shown to that organization alone
    decisions = hidden.get(columns[1], {})
    node = Node(cell, columns[7], None)
    if columns[3] not in decisions or node in decisions[columns[3]]:
        return (*columns[:9], None, None, None, *columns[12:], True)
    return (*columns, False)

