from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WorkingGroupRead")


@_attrs_define
class WorkingGroupRead:
    """
    Attributes:
        id (UUID):
        version (int): Increases on every change; the ETag is its quoted value.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        initiative_id (UUID):
        name (str):
        purpose (str):
        goal_ids (list[UUID]):
        member_ids (list[UUID]):
    """

    id: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    initiative_id: UUID
    name: str
    purpose: str
    goal_ids: list[UUID]
    member_ids: list[UUID]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        initiative_id = str(self.initiative_id)

        name = self.name

        purpose = self.purpose

        goal_ids = []
        for goal_ids_item_data in self.goal_ids:
            goal_ids_item = str(goal_ids_item_data)
            goal_ids.append(goal_ids_item)

        member_ids = []
        for member_ids_item_data in self.member_ids:
            member_ids_item = str(member_ids_item_data)
            member_ids.append(member_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "initiative_id": initiative_id,
                "name": name,
                "purpose": purpose,
                "goal_ids": goal_ids,
                "member_ids": member_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        initiative_id = UUID(d.pop("initiative_id"))

        name = d.pop("name")

        purpose = d.pop("purpose")

        goal_ids = []
        _goal_ids = d.pop("goal_ids")
        for goal_ids_item_data in _goal_ids:
            goal_ids_item = UUID(goal_ids_item_data)

            goal_ids.append(goal_ids_item)

        member_ids = []
        _member_ids = d.pop("member_ids")
        for member_ids_item_data in _member_ids:
            member_ids_item = UUID(member_ids_item_data)

            member_ids.append(member_ids_item)

        working_group_read = cls(
            id=id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            initiative_id=initiative_id,
            name=name,
            purpose=purpose,
            goal_ids=goal_ids,
            member_ids=member_ids,
        )

        working_group_read.additional_properties = d
        return working_group_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
