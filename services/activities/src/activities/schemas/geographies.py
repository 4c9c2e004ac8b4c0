"""The initiative's list of places, with their hierarchy."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import Field

from activities.schemas.common import GeographyCode
from backbone.http.schemas import EntityRead, Input, Patch, example, patch_field

Name = Annotated[str, Field(min_length=1, max_length=200)]


class GeographyCreate(Input):
    model_config = example(
        code="Lincoln Elementary", name="Lincoln Elementary School", parent="Northside")

    code: GeographyCode
    name: Name
    parent: GeographyCode | None = Field(
        default=None, description="The code of the place this one lies in (none for a "
                                  "top-level place).")


class GeographyUpdate(Patch):
    """The code never changes (activities and measurement refer to places by it)."""

    model_config = example(name="Lincoln Elementary School (K-5)")

    name: Name = patch_field()
    parent: GeographyCode | None = patch_field()


class GeographyRead(EntityRead):
    initiative_id: uuid.UUID
    code: str
    name: str
    parent: str | None
