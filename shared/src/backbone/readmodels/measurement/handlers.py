"""How measurement's events update the read model, beyond upserting states and deleting
removed entities (``backbone.readmodels.known``): the history of each indicator's status and
disparities, in the reviewed view only."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, exists, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.contracts.measurement.entities import StatusView
from backbone.contracts.measurement.events import (
    DisparitiesChanged,
    IndicatorState,
    IndicatorStatusChanged,
)
from backbone.events.envelope import CloudEvent
from backbone.readmodels.measurement.tables import (
    DisparitiesSince,
    KnownIndicator,
    ProgressStatusSince,
)
from backbone.upserts import compiled_once


def _history(table: Any, value: str) -> Any:
    """Insert one row of ``table``'s history; a second change at the same instant wins."""
    values = insert(table).values({c: bindparam(c) for c in (
        "indicator_id", "since", "tenant", "initiative_id", value)})
    return compiled_once(values.on_conflict_do_update(
        index_elements=[table.indicator_id, table.since], set_={value: values.excluded[value]}))


_STATUS_SINCE = _history(ProgressStatusSince, "status")
_DISPARITIES_SINCE = _history(DisparitiesSince, "dimensions")
_HAS_STATUS = select(exists().where(ProgressStatusSince.indicator_id == bindparam("id")))


def _row(event: CloudEvent, indicator_id: Any, initiative_id: Any, at: datetime | None = None
         ) -> dict[str, Any]:
    return {"indicator_id": indicator_id, "since": at or event.time, "tenant": event.tenant,
            "initiative_id": initiative_id}


async def first_status(session: AsyncSession, event: CloudEvent, state: IndicatorState) -> None:
    """An indicator's status history starts with the status of the first state heard of."""
    if not (await session.execute(_HAS_STATUS, {"id": state.id})).scalar():
        await session.execute(_STATUS_SINCE, {**_row(event, state.id, state.initiative_id),
                                              "status": state.progress_status.value})


async def status_changed(session: AsyncSession, event: CloudEvent,
                         change: IndicatorStatusChanged) -> None:
    """Staff's view (``all``) is not kept: other services show what viewers may see."""
    if change.view is not StatusView.REVIEWED:
        return
    await session.execute(update(KnownIndicator).where(
        KnownIndicator.id == change.indicator_id).values(progress_status=change.status.value))
    await session.execute(_STATUS_SINCE, {
        **_row(event, change.indicator_id, change.initiative_id),
        "status": change.status.value})


async def disparities_changed(session: AsyncSession, event: CloudEvent,
                              change: DisparitiesChanged) -> None:
    if change.view is not StatusView.REVIEWED:
        return
    await session.execute(_DISPARITIES_SINCE, {
        **_row(event, change.indicator_id, change.initiative_id),
        "dimensions": [d.model_dump(mode="json") for d in change.dimensions]})
