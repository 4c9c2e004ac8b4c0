"""Base classes for request and response models (one style across services)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import AnyUrl, BaseModel, ConfigDict, Field



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


class Input(BaseModel):
    """A request body: unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

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
