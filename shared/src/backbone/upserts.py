"""PostgreSQL upserts compiled once.

SQLAlchemy cannot cache ``INSERT ... ON CONFLICT`` (the PostgreSQL ``Insert`` construct
has no cache key), so each execution compiles it again: a noticeable share of a
consumer's time, which runs several per event. ``compiled_once`` turns such a statement,
written with ``bindparam`` values, into SQL text with typed parameters, once; executing
that compiles nothing.
"""

from __future__ import annotations

import re

from sqlalchemy import TextClause, bindparam, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.sql.dml import Insert

_DIALECT = postgresql.dialect(paramstyle="named")


# ":id::UUID", ":roles::VARCHAR(40)[]": bind casts, which text() would misread
_CAST = re.compile(r":(\w+)::([A-Z][A-Z0-9_]*(?:\(\d+(?:, ?\d+)?\))?(?:\[\])*)")


def compiled_once(stmt: Insert) -> TextClause:
    compiled = stmt.compile(dialect=_DIALECT)
    sql = _CAST.sub(r"CAST(:\1 AS \2)", str(compiled))
    return text(sql).bindparams(
        *[bindparam(name, type_=param.type) for name, param in compiled.binds.items()])
