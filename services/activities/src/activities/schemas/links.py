"""Typed links between activities of one initiative."""

from __future__ import annotations

import uuid
from enum import StrEnum

from pydantic import Field

from activities.schemas.common import Text
from backbone.http.schemas import EntityRead, Input, example


class LinkKind(StrEnum):
    REINFORCES = "reinforces"
    DEPENDS_ON = "depends_on"
    DUPLICATES = "duplicates"


class LinkCreate(Input):
    model_config = example(
        to_activity_id="9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", kind="reinforces",
        note="Tutors hand their readers over to summer camp.")

    to_activity_id: uuid.UUID = Field(description="Another activity of the same initiative.")
    kind: LinkKind
    note: Text = ""


class LinkRead(EntityRead):
    initiative_id: uuid.UUID
    from_activity_id: uuid.UUID
    to_activity_id: uuid.UUID
    kind: LinkKind
    note: str


class LinkAdded(LinkRead):
    depends_on_cycle: list[uuid.UUID] | None = Field(
        default=None, description="For a `depends_on` link that closes a cycle: the "
                                  "activities around it, starting with this link's. Cycles "
                                  "are allowed, and reported here and in the map.")
