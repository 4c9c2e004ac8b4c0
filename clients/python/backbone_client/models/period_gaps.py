from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.group_gap import GroupGap


T = TypeVar("T", bound="PeriodGaps")


@_attrs_define
class PeriodGaps:
    """
    Attributes:
        period (str):
        reference_value (float | None):
        groups (list[GroupGap]):
    """

    period: str
    reference_value: float | None
    groups: list[GroupGap]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        reference_value: float | None
        reference_value = self.reference_value

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "reference_value": reference_value,
                "groups": groups,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.group_gap import GroupGap  # noqa: PLC0415

        d = dict(src_dict)
        period = d.pop("period")

        def _parse_reference_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        reference_value = _parse_reference_value(d.pop("reference_value"))

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = GroupGap.from_dict(groups_item_data)

            groups.append(groups_item)

        period_gaps = cls(
            period=period,
            reference_value=reference_value,
            groups=groups,
        )

        period_gaps.additional_properties = d
        return period_gaps

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
