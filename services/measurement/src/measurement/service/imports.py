"""Bulk imports (JSON batches and CSV files) with per-row results.

``all_or_nothing`` stores nothing unless every row is good (a 422 lists the bad ones);
``partial`` stores the good rows and reports the bad. A dry run reports what would happen
and stores nothing. Applied imports are recorded and announced by ``import.completed``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.principal import InitiativeRole, Principal
from backbone.contracts.measurement.events import IMPORT_COMPLETED, ImportCompleted
from backbone.errors import Invalid
from backbone.events.registry import DomainEvent
from measurement import reporting
from measurement.domain.spreadsheet import SheetError, read_sheet
from measurement.events import outbox
from measurement.models import Dimension, Import, Initiative
from measurement.service.context import initiative_for
from measurement.service.import_checks import disagreements
from measurement.service.recording import Recorder
from measurement.service.row_checks import Prepared, RowError
from measurement.service.status import refresh_status

MAX_LISTED_ERRORS = 1_000


async def import_batch(session: AsyncSession, principal: Principal, initiative_id: uuid.UUID,
                       batch: reporting.Batch) -> reporting.ImportResult:
    initiative = await initiative_for(session, principal, initiative_id, InitiativeRole.PARTNER)
    return await _run(session, principal, initiative, batch.rows, batch.mode, batch.dry_run,
                      "json", [])


async def import_csv(session: AsyncSession, principal: Principal, initiative_id: uuid.UUID,
                     content: bytes, mode: reporting.ImportMode, dry_run: bool
                     ) -> reporting.ImportResult:
    initiative = await initiative_for(session, principal, initiative_id, InitiativeRole.PARTNER)
    codes = set((await session.execute(select(Dimension.code).where(
        Dimension.initiative_id == initiative_id))).scalars())
    try:
        sheet = read_sheet(content, codes, reporting.MAX_ROWS)
    except SheetError as exc:
        raise Invalid(str(exc), kind="unreadable-csv") from exc
    rows: list[reporting.Row] = []
    for line, fields in sheet.rows:
        if isinstance(fields, str):
            rows.append((line, fields))
            continue
        try:
            rows.append((line, reporting.BatchRow.model_validate(fields)))
        except ValidationError as exc:
            rows.append((line, reporting.why(exc)))
    if not rows:
        raise Invalid("The CSV has a header but no rows.", kind="unreadable-csv")
    return await _run(session, principal, initiative, rows, mode, dry_run, "csv",
                      sheet.ignored_columns)


async def _run(session: AsyncSession, principal: Principal, initiative: Initiative,
               rows: Sequence[reporting.Row], mode: reporting.ImportMode, dry_run: bool, fmt: str,
               ignored: list[str]) -> reporting.ImportResult:
    recorder = await Recorder.for_initiative(session, principal, initiative)
    prepared, errors = _prepare(recorder, rows)
    refused = bool(errors) and mode is reporting.ImportMode.ALL_OR_NOTHING
    if refused and not dry_run:
        raise Invalid(
            f"{len(errors)} of {len(rows)} rows are invalid; nothing was stored "
            "(all_or_nothing). Fix them, or import in partial mode.",
            kind="invalid-rows",
            errors=[{"loc": ["body", "rows", e.row], "msg": e.error or "", "type": "invalid_row"}
                    for e in errors[:MAX_LISTED_ERRORS]])
    stored = await recorder.store(prepared, dry_run=dry_run)
    notes = await disagreements(session, prepared)
    results = sorted([*stored, *errors], key=lambda r: r.row)
    summary = _summary(results)
    import_id = None
    if not dry_run:
        import_id = await _record_import(session, principal, initiative, fmt, mode, summary)
        changed = {p.indicator.id: p.indicator for p, r in zip(prepared, stored, strict=True)
                   if r.outcome is not reporting.RowOutcome.UNCHANGED}
        # Indicator rows are locked in one order by every writer, as observation keys are.
        for indicator in sorted(changed.values(), key=lambda i: str(i.id)):
            await refresh_status(session, indicator, initiative,
                                 recorder.withdrawn.get(indicator.id, ()), only_data=True,
                                 changed_periods=recorder.changed.get(indicator.id, ()))
    return reporting.ImportResult(import_id=import_id, applied=not dry_run and not refused,
                                dry_run=dry_run, mode=mode, summary=summary,
                                ignored_columns=ignored, consistency=notes,
                                results=results)


def _prepare(recorder: Recorder, rows: Sequence[reporting.Row]
             ) -> tuple[list[Prepared], list[reporting.RowResult]]:
    prepared: list[Prepared] = []
    errors: list[reporting.RowResult] = []
    first_row_of: dict[tuple[Any, ...], int] = {}
    for number, row in rows:
        try:
            if isinstance(row, str):
                raise RowError(row)
            checked = recorder.prepare(number, row)
            earlier = first_row_of.setdefault(checked.key, number)
            if earlier != number:
                raise RowError(f"the same observation as row {earlier}")
            prepared.append(checked)
        except RowError as exc:
            errors.append(reporting.RowResult(row=number, outcome=reporting.RowOutcome.ERROR,
                                            error=str(exc)))
    return prepared, errors


def _summary(results: Sequence[reporting.RowResult]) -> reporting.ImportSummary:
    counts = {o: 0 for o in reporting.RowOutcome}
    for result in results:
        counts[result.outcome] += 1
    return reporting.ImportSummary(
        rows=len(results), created=counts[reporting.RowOutcome.CREATED],
        updated=counts[reporting.RowOutcome.UPDATED],
        unchanged=counts[reporting.RowOutcome.UNCHANGED], errors=counts[reporting.RowOutcome.ERROR])


async def _record_import(session: AsyncSession, principal: Principal, initiative: Initiative,
                         fmt: str, mode: reporting.ImportMode, summary: reporting.ImportSummary
                         ) -> uuid.UUID:
    record = Import(id=uuid.uuid4(), tenant=principal.tenant, initiative_id=initiative.id,
                    format=fmt, mode=mode.value, imported_by=principal.sub,
                    **summary.model_dump())
    session.add(record)
    outbox.add(session, DomainEvent(
        event_type=IMPORT_COMPLETED, tenant=principal.tenant, subject=record.id,
        initiative=initiative.id,
        data=ImportCompleted(import_id=record.id, initiative_id=initiative.id, format=fmt,
                             mode=mode, imported_by=principal.sub, **summary.model_dump())))
    return record.id
