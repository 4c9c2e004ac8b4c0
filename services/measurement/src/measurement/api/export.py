"""The observations export: one snapshot, as CSV or Parquet, streamed, with its watermark.

Annotations here are evaluated at definition time (no ``from __future__ import
annotations``) because FastAPI reads the route's signature.
"""

import io
import uuid
from collections.abc import AsyncIterator
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

import pyarrow as pa
import pyarrow.parquet as pq
from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from backbone.csvout import safe_cell, to_csv
from backbone.events.watermark import HEADER
from backbone.http.deps import CurrentPrincipal, ReadSession
from backbone.http.problems import PROBLEM_RESPONSES, Problem
from measurement.service.export import COLUMNS, ExportStatus, Snapshot, open_snapshot

router = APIRouter(prefix="/v1", tags=["observations"], responses=PROBLEM_RESPONSES)


class ExportFormat(StrEnum):
    CSV = "csv"
    PARQUET = "parquet"


MEDIA = {ExportFormat.CSV: "text/csv; charset=utf-8",
         ExportFormat.PARQUET: "application/vnd.apache.parquet"}

SCHEMA = pa.schema([
    ("id", pa.string()), ("indicator_id", pa.string()), ("indicator_code", pa.string()),
    ("period", pa.string()), ("period_start", pa.date32()), ("period_end", pa.date32()),
    ("disaggregation", pa.string()), ("geography", pa.string()),
    ("organization_id", pa.string()), ("value", pa.float64()), ("numerator", pa.float64()),
    ("denominator", pa.float64()), ("status", pa.string()), ("version", pa.int64()),
    ("updated_at", pa.timestamp("us", tz="UTC")), ("suppressed", pa.bool_())])
assert tuple(SCHEMA.names) == COLUMNS

_WATERMARK_DOC = (
    "The Kafka offsets per partition of `backbone.measurement.v1`, read before the snapshot "
    "was taken: `<topic>:<partition>=<offset>,...`. Every event below them is in the file; "
    "consume from them, applying a change only when its `version` is newer.")


@router.get(
    "/initiatives/{initiative_id}/observations/export", operation_id="exportObservations",
    response_class=StreamingResponse,
    summary="A consistent snapshot of the initiative's observations (CSV or Parquet), with "
            "the event topic's watermark",
    responses={200: {
        "description": "The observations, streamed (one row per observation).",
        "headers": {HEADER: {"description": _WATERMARK_DOC, "schema": {"type": "string"}}},
        "content": {MEDIA[ExportFormat.CSV]: {"schema": {"type": "string"}},
                    MEDIA[ExportFormat.PARQUET]: {"schema": {"type": "string",
                                                             "format": "binary"}}}},
               503: {"model": Problem, "description": "The event broker (whose offsets "
                                                      "are the watermark) is unreachable"}})
async def export_observations(
    initiative_id: uuid.UUID, request: Request, session: ReadSession,
    principal: CurrentPrincipal,
    format: Annotated[ExportFormat, Query(
        description="`csv` (RFC 4180) or `parquet`.")] = ExportFormat.CSV,
    status: Annotated[ExportStatus, Query(
        description="`approved`, or `all` with each row's review status (backbone staff "
                    "only).")] = ExportStatus.APPROVED,
) -> StreamingResponse:
    snapshot = await open_snapshot(
        session, request.app.state.sessionmaker.for_tenant(principal.tenant),
        request.app.state.settings, principal, initiative_id, status)
    body = _csv(snapshot) if format is ExportFormat.CSV else _parquet(snapshot)
    name = f"observations-{initiative_id}.{format.value}"
    return StreamingResponse(body, media_type=MEDIA[format], headers={
        HEADER: str(snapshot.watermark), "Cache-Control": "no-store",
        "Content-Disposition": f'attachment; filename="{name}"'})


async def _csv(snapshot: Snapshot) -> AsyncIterator[bytes]:
    yield to_csv(COLUMNS, []).encode()
    async for rows in snapshot.rows:
        yield to_csv((), ([safe_cell(_text(v)) for v in row] for row in rows)).encode()


async def _parquet(snapshot: Snapshot) -> AsyncIterator[bytes]:
    """Row groups written as their rows arrive; the footer (with the watermark in the
    file's metadata, key ``backbone.watermark``) last."""
    sink = io.BytesIO()
    schema = SCHEMA.with_metadata({"backbone.watermark": str(snapshot.watermark)})
    with pq.ParquetWriter(sink, schema) as writer:
        async for rows in snapshot.rows:
            writer.write_batch(pa.record_batch(
                [pa.array([_arrow(row[i]) for row in rows], type=field.type)
                 for i, field in enumerate(schema)], schema=schema))
            yield _drain(sink)
    yield _drain(sink)


def _drain(sink: io.BytesIO) -> bytes:
    data = sink.getvalue()
    sink.seek(0)
    sink.truncate()
    return data


def _text(value: Any) -> str | int | float | None:
    """A value as the CSV writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _arrow(value: Any) -> Any:
    return str(value) if isinstance(value, uuid.UUID) else value
