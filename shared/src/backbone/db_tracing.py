"""Client spans for SQL statements, made only inside a recorded trace.

A statement run where no span records (tracing off, an unsampled request, the relay's
housekeeping) costs two attribute lookups. Otherwise it gets a client span named by its
operation (``SELECT``, ``INSERT`` ...) with the database semantic-convention attributes
(a failed statement's SQLSTATE is its ``error.type``);
parameters are never recorded, only the statement text with its placeholders.
"""

from __future__ import annotations

from typing import Any

from opentelemetry import trace
from opentelemetry.trace import SpanKind, Status, StatusCode
from opentelemetry.util.types import AttributeValue
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, ExceptionContext
from sqlalchemy.engine.interfaces import DBAPICursor, ExecutionContext

tracer = trace.get_tracer("backbone.db")
_SPAN = "_backbone_span"


def trace_statements(engine: Engine) -> None:
    """Add statement spans to an engine (for an async engine, pass its ``sync_engine``)."""
    database = engine.url.database or ""
    attributes: dict[str, AttributeValue] = {
        "db.system.name": "postgresql", "db.namespace": database,
        "server.address": engine.url.host or "", "server.port": engine.url.port or 5432}

    def before(_conn: Connection, _cursor: DBAPICursor, statement: str, _params: Any,
               context: ExecutionContext, _many: bool) -> None:
        if not trace.get_current_span().is_recording():
            return
        operation = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else "SQL"
        span = tracer.start_span(f"{operation} {database}", kind=SpanKind.CLIENT, attributes={
            **attributes, "db.operation.name": operation, "db.query.text": statement})
        setattr(context, _SPAN, span)

    def after(_conn: Connection, _cursor: DBAPICursor, _statement: str, _params: Any,
              context: ExecutionContext, _many: bool) -> None:
        span = getattr(context, _SPAN, None)
        if span is not None:
            span.end()

    def failed(exception_context: ExceptionContext) -> None:
        span = getattr(exception_context.execution_context, _SPAN, None)
        if span is not None:
            error = exception_context.original_exception
            sqlstate = getattr(error, "sqlstate", None)
            span.set_status(Status(StatusCode.ERROR, str(error)[:200]))
            span.set_attribute("error.type", sqlstate or type(error).__qualname__)
            if sqlstate:
                span.set_attribute("db.response.status_code", sqlstate)
            span.end()

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    event.listen(engine, "handle_error", failed)
