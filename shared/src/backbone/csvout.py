"""CSV the platform writes (exports, matrices): every text cell safe to open in a
spreadsheet.

Partners' text is stored as they sent it, but a cell beginning with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return is a formula to Excel, LibreOffice and Google Sheets
(CSV injection). Such text is written with a leading apostrophe, which spreadsheets show
as text and do not evaluate. Numbers, and text that is a plain number (``-12.5``), are
written as they are.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")

Cell = str | int | float | None


def safe_cell(value: Cell) -> str | int | float:
    """The value as a spreadsheet should receive it (None is an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not \
            _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def to_csv(header: Iterable[str], rows: Iterable[Iterable[Cell]]) -> str:
    """A whole CSV document (RFC 4180, CRLF line ends), every cell made safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    writer.writerows([safe_cell(c) for c in row] for row in rows)
    return out.getvalue()
