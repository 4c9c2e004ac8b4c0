from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.direction import Direction

if TYPE_CHECKING:
    from ..models.group_progress import GroupProgress


T = TypeVar("T", bound="ProgressRead")


@_attrs_define
class ProgressRead:
    """
    Attributes:
        indicator_id (UUID):
        direction (Direction):
        overall (GroupProgress):
        by (None | str):
        groups (list[GroupProgress]):
    """

    indicator_id: UUID
    direction: Direction
    overall: GroupProgress
    by: None | str
    groups: list[GroupProgress]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        indicator_id = str(self.indicator_id)

        direction = self.direction.value

        overall = self.overall.to_dict()

        by: None | str
        by = self.by

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "indicator_id": indicator_id,
                "direction": direction,
                "overall": overall,
                "by": by,
                "groups": groups,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.group_progress import GroupProgress  # noqa: PLC0415

        d = dict(src_dict)
        indicator_id = UUID(d.pop("indicator_id"))

        direction = Direction(d.pop("direction"))

        overall = GroupProgress.from_dict(d.pop("overall"))

        def _parse_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        by = _parse_by(d.pop("by"))

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = GroupProgress.from_dict(groups_item_data)

            groups.append(groups_item)

        progress_read = cls(
            indicator_id=indicator_id,
            direction=direction,
            overall=overall,
            by=by,
            groups=groups,
        )

        progress_read.additional_properties = d
        return progress_read

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
