"""Reading observation rows from a CSV as spreadsheets export them.

Tolerated: a UTF-8 byte order mark, Windows line ends, blank lines, surrounding whitespace,
thousands separators (``12,345.6``), a trailing ``%`` on figures, and extra columns (reported
as ignored). Column names are compared in lower case with every run of spaces and
punctuation as one ``_`` (``Indicator Code``, ``indicator-code`` and ``indicator_code`` are
one name), and the names spreadsheets commonly give a column (``ALIASES``) stand for it.
Dimension columns are named by the dimension's code, compared the same way.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import Any

FIELDS = ("indicator", "indicator_id", "period", "value", "numerator", "denominator",
          "geography", "organization_id", "source", "comment")
FIGURES = frozenset({"value", "numerator", "denominator"})
ALIASES = {
    "indicator": ("indicator_code", "code"),
    "indicator_id": ("indicator_uuid",),
    "period": ("period_code", "reporting_period", "time_period"),
    "value": ("figure",),
    "numerator": ("num",),
    "denominator": ("denom",),
    "geography": ("geography_code", "geo", "place", "area", "location"),
    "organization_id": ("organization", "organisation", "organisation_id", "org_id"),
    "source": ("data_source",),
    "comment": ("comments", "note", "notes"),
}
_FIELD_OF = {alias: name for name, aliases in ALIASES.items() for alias in aliases}
MAX_FIELD_CHARS = 10_000
"""A longer field makes its row an error (the whole file is limited by the body size)."""
_NUMBER = re.compile(r"[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?|[+-]?\.\d+")


class SheetError(ValueError):
    """The file as a whole cannot be read."""


@dataclass
class Sheet:
    ignored_columns: list[str]
    rows: list[tuple[int, dict[str, Any] | str]] = field(default_factory=list)
    """(line number, fields or the reason the line cannot be read)."""


def _header(name: str, dimensions: Collection[str]) -> str:
    """The field or dimension a column names (its own name when it names none)."""
    plain = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    return plain if plain in dimensions else _FIELD_OF.get(plain, plain)


def parse_figure(text: str) -> float | None:
    cleaned = text.strip().removesuffix("%").strip()
    if not cleaned:
        return None
    if not _NUMBER.fullmatch(cleaned):
        raise ValueError(f"'{text}' is not a number")
    return float(cleaned.replace(",", ""))


def read_sheet(content: bytes, dimensions: Collection[str], max_rows: int) -> Sheet:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SheetError("The CSV must be UTF-8 encoded.") from exc
    lines = csv.reader(io.StringIO(text, newline=""))
    rows = _data_rows(lines)
    header = next(rows, None)
    if header is None:
        raise SheetError("The CSV is empty.")
    if isinstance(header, str):
        raise SheetError(f"The header cannot be read: {header}.")
    names = [_header(h, dimensions) for h in header]
    if "period" not in names:
        raise SheetError("The CSV needs a 'period' column.")
    for name in filter(None, dict.fromkeys(names)):  # (a blank header is an ignored column)
        same = [h for h, n in zip(header, names, strict=True) if n == name]
        if len(same) > 1:
            raise SheetError(f"The columns {', '.join(map(repr, same))} all name '{name}'.")
    known = set(FIELDS) | set(dimensions)
    sheet = Sheet(ignored_columns=[h for h, n in zip(header, names, strict=True)
                                   if n not in known])
    for cells in rows:
        if len(sheet.rows) >= max_rows:
            raise SheetError(f"The CSV has more than {max_rows} rows; split it.")
        sheet.rows.append((lines.line_num, cells if isinstance(cells, str)
                           else _fields(names, cells, known, dimensions)))
    return sheet


def _data_rows(lines: Any) -> Iterator[list[str] | str]:
    """The non-blank rows, or for a row that cannot be read, the reason."""
    while True:
        try:
            cells = next(lines)
        except StopIteration:
            return
        except csv.Error as exc:
            yield (f"the row cannot be read ({exc}); fields are limited to "
                   f"{MAX_FIELD_CHARS} characters")
            continue
        if any(len(c) > MAX_FIELD_CHARS for c in cells):
            yield f"a field is longer than {MAX_FIELD_CHARS} characters"
        elif any(c.strip() for c in cells):
            yield cells


def _fields(names: list[str], cells: list[str], known: Collection[str],
            dimensions: Collection[str]) -> dict[str, Any] | str:
    if len(cells) > len(names) and any(c.strip() for c in cells[len(names):]):
        return f"{len(cells)} cells but only {len(names)} columns"
    fields: dict[str, Any] = {}
    disaggregation: dict[str, str] = {}
    for name, raw in zip(names, cells, strict=False):
        value = raw.strip()
        if name not in known or not value:
            continue
        if name in dimensions and name not in FIELDS:
            disaggregation[name] = value.lower()
        elif name in FIGURES:
            try:
                fields[name] = parse_figure(value)
            except ValueError as exc:
                return f"{name}: {exc}"
        else:
            fields[name] = value
    fields["disaggregation"] = disaggregation
    return fields
