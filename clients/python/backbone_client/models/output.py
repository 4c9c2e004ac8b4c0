from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Output")


@_attrs_define
class Output:
    """A figure the activity produced (children tutored, seats opened...).

    Attributes:
        name (str):
        value (float):
        unit (str | Unset):  Default: ''.
    """

    name: str
    value: float
    unit: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        value = self.value

        unit = self.unit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "value": value,
            }
        )
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        value = d.pop("value")

        unit = d.pop("unit", UNSET)

        output = cls(
            name=name,
            value=value,
            unit=unit,
        )

        return output
