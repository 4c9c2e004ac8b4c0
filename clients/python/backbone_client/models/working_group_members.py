from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="WorkingGroupMembers")


@_attrs_define
class WorkingGroupMembers:
    """
    Attributes:
        kind (Literal['working_group']):
        working_group_id (UUID):
    """

    kind: Literal["working_group"]
    working_group_id: UUID

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        working_group_id = str(self.working_group_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "working_group_id": working_group_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["working_group"], d.pop("kind"))
        if kind != "working_group":
            raise ValueError(f"kind must match const 'working_group', got '{kind}'")

        working_group_id = UUID(d.pop("working_group_id"))

        working_group_members = cls(
            kind=kind,
            working_group_id=working_group_id,
        )

        return working_group_members
