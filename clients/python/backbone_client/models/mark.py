from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Mark")


@_attrs_define
class Mark:
    """
    Attributes:
        period (str):
        value (float):
        derived (bool | Unset): Worked out from the groups reported for the period, as no one reported the figure
            itself. Default: False.
    """

    period: str
    value: float
    derived: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        value = self.value

        derived = self.derived

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "value": value,
            }
        )
        if derived is not UNSET:
            field_dict["derived"] = derived

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = d.pop("period")

        value = d.pop("value")

        derived = d.pop("derived", UNSET)

        mark = cls(
            period=period,
            value=value,
            derived=derived,
        )

        mark.additional_properties = d
        return mark

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
