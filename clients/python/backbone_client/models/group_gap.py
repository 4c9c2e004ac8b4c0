from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GroupGap")


@_attrs_define
class GroupGap:
    """
    Attributes:
        group (str):
        value (float | None):
        gap (float | None):
        ratio (float | None):
        suppressed (bool | Unset):  Default: False.
        derived (bool | Unset):  Default: False.
    """

    group: str
    value: float | None
    gap: float | None
    ratio: float | None
    suppressed: bool | Unset = False
    derived: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group = self.group

        value: float | None
        value = self.value

        gap: float | None
        gap = self.gap

        ratio: float | None
        ratio = self.ratio

        suppressed = self.suppressed

        derived = self.derived

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "group": group,
                "value": value,
                "gap": gap,
                "ratio": ratio,
            }
        )
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed
        if derived is not UNSET:
            field_dict["derived"] = derived

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        group = d.pop("group")

        def _parse_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        value = _parse_value(d.pop("value"))

        def _parse_gap(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        gap = _parse_gap(d.pop("gap"))

        def _parse_ratio(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        ratio = _parse_ratio(d.pop("ratio"))

        suppressed = d.pop("suppressed", UNSET)

        derived = d.pop("derived", UNSET)

        group_gap = cls(
            group=group,
            value=value,
            gap=gap,
            ratio=ratio,
            suppressed=suppressed,
            derived=derived,
        )

        group_gap.additional_properties = d
        return group_gap

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
