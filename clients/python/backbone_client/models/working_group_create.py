from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkingGroupCreate")


@_attrs_define
class WorkingGroupCreate:
    """
    Attributes:
        name (str):
        purpose (str | Unset):  Default: ''.
        goal_ids (list[UUID] | Unset):
        member_ids (list[UUID] | Unset): Participant ids of the members.
    """

    name: str
    purpose: str | Unset = ""
    goal_ids: list[UUID] | Unset = UNSET
    member_ids: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        purpose = self.purpose

        goal_ids: list[str] | Unset = UNSET
        if not isinstance(self.goal_ids, Unset):
            goal_ids = []
            for goal_ids_item_data in self.goal_ids:
                goal_ids_item = str(goal_ids_item_data)
                goal_ids.append(goal_ids_item)

        member_ids: list[str] | Unset = UNSET
        if not isinstance(self.member_ids, Unset):
            member_ids = []
            for member_ids_item_data in self.member_ids:
                member_ids_item = str(member_ids_item_data)
                member_ids.append(member_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if goal_ids is not UNSET:
            field_dict["goal_ids"] = goal_ids
        if member_ids is not UNSET:
            field_dict["member_ids"] = member_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        purpose = d.pop("purpose", UNSET)

        _goal_ids = d.pop("goal_ids", UNSET)
        goal_ids: list[UUID] | Unset = UNSET
        if _goal_ids is not UNSET:
            goal_ids = []
            for goal_ids_item_data in _goal_ids:
                goal_ids_item = UUID(goal_ids_item_data)

                goal_ids.append(goal_ids_item)

        _member_ids = d.pop("member_ids", UNSET)
        member_ids: list[UUID] | Unset = UNSET
        if _member_ids is not UNSET:
            member_ids = []
            for member_ids_item_data in _member_ids:
                member_ids_item = UUID(member_ids_item_data)

                member_ids.append(member_ids_item)

        working_group_create = cls(
            name=name,
            purpose=purpose,
            goal_ids=goal_ids,
            member_ids=member_ids,
        )

        return working_group_create
