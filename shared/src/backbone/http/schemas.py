"""Base classes for request and response models (one style across services)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Annotated, Any, Self

from pydantic import (
    AfterValidator,
    AnyUrl,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    model_validator,
)


def _drop_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


def patch_field(**kwargs: Any) -> Any:
    """A PATCH field: may be omitted, but when present must be a valid (non-null) value."""
    return Field(default=None, json_schema_extra=_drop_default, **kwargs)


def _column_value(value: Any, nested: bool = False) -> Any:
    """Python values for table columns: nested models, URLs and ids inside JSON become JSON."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [_column_value(v, nested=True) for v in value]
    if isinstance(value, dict):
        return {k: _column_value(v, nested=True) for k, v in value.items()}
    if isinstance(value, AnyUrl) or (nested and isinstance(value, uuid.UUID)):
        return str(value)
    return value


_TEXTUAL = frozenset({str, dict, list})
TEXT_CHECKED = "text_checked"
"""Validation context key: the caller has ruled out NUL and lone surrogates already."""


def unstorable(text: str) -> str | None:
    """Why PostgreSQL cannot store the text (a NUL, a lone surrogate), or None."""
    if "\x00" in text:
        return "text must not contain NUL characters"
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return "text must be valid Unicode (no lone surrogates)"
    return None


def _check_text(value: Any) -> None:
    """Reject NUL and lone surrogates in strings, in lists and dicts, but not inside nested
    models: each ``Input`` checks its own fields (so a batch is walked once, not twice)."""
    if type(value) is str:
        reason = unstorable(value)
        if reason:
            raise ValueError(reason)
    elif type(value) is dict:
        for k, v in value.items():
            _check_text(k)
            _check_text(v)
    elif type(value) is list:
        for v in value:
            _check_text(v)


def _iso(pattern: str, what: str) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if isinstance(value, str) and not re.match(pattern, value):
            raise ValueError(f"expected an ISO 8601 {what}")
        if not isinstance(value, str | date):
            raise ValueError(f"expected an ISO 8601 {what} string")
        return value
    return check


IsoDate = Annotated[date, BeforeValidator(_iso(r"^\d{4}-\d{2}-\d{2}$", "date"))]
"""A date given as ``YYYY-MM-DD`` only (no epoch numbers)."""
def _in_range(value: datetime) -> datetime:
    try:
        value.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("the instant is outside the range of dates (years 1 to 9999 "
                         "in UTC)") from exc
    return value


IsoDateTime = Annotated[AwareDatetime,
                        BeforeValidator(_iso(r"^\d{4}-\d{2}-\d{2}T", "date-time")),
                        AfterValidator(_in_range)]
"""An RFC 3339 instant with its offset (no epoch numbers), whose UTC time is a date."""


def example(**values: Any) -> ConfigDict:
    """A request model's configuration carrying one example of it: the docs and generated
    clients show it, and the tests check that it is valid."""
    return ConfigDict(json_schema_extra={"examples": [values]})


class Input(BaseModel):
    """A request body: unknown fields are an error, not silently dropped; text is storable."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="after")
    def _storable_text(self, info: ValidationInfo) -> Self:
        if info.context and info.context.get(TEXT_CHECKED):
            return self
        for value in self.__dict__.values():
            if type(value) in _TEXTUAL:
                _check_text(value)
        return self

    def columns(self, *, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
        """The values to store, by column name (for a Patch, only the fields sent)."""
        names = self.model_fields_set if isinstance(self, Patch) else type(self).model_fields
        return {n: _column_value(getattr(self, n)) for n in names if n not in exclude}


class Patch(Input):
    """A partial update: only the fields sent are changed."""


class EntityRead(BaseModel):
    """Fields every entity response carries; ``version`` is also sent as the ETag."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    version: int = Field(description="Increases on every change; the ETag is its quoted value.")
    created_at: datetime
    updated_at: datetime
