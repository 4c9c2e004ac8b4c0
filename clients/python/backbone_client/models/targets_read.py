from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.target_read import TargetRead


T = TypeVar("T", bound="TargetsRead")


@_attrs_define
class TargetsRead:
    """
    Attributes:
        indicator_id (UUID):
        version (int): Increases on every replacement; sent as the ETag, and checked against `If-Match` on PUT.
        targets (list[TargetRead]):
    """

    indicator_id: UUID
    version: int
    targets: list[TargetRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        indicator_id = str(self.indicator_id)

        version = self.version

        targets = []
        for targets_item_data in self.targets:
            targets_item = targets_item_data.to_dict()
            targets.append(targets_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "indicator_id": indicator_id,
                "version": version,
                "targets": targets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.target_read import TargetRead  # noqa: PLC0415

        d = dict(src_dict)
        indicator_id = UUID(d.pop("indicator_id"))

        version = d.pop("version")

        targets = []
        _targets = d.pop("targets")
        for targets_item_data in _targets:
            targets_item = TargetRead.from_dict(targets_item_data)

            targets.append(targets_item)

        targets_read = cls(
            indicator_id=indicator_id,
            version=version,
            targets=targets,
        )

        targets_read.additional_properties = d
        return targets_read

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
