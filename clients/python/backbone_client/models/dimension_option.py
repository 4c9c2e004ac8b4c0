from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DimensionOption")


@_attrs_define
class DimensionOption:
    """
    Attributes:
        code (str): Lower-case letters, digits, '_' and '-'.
        label (str):
        retired (bool | Unset): Retired options take no new data; history that uses them stays readable. Default: False.
    """

    code: str
    label: str
    retired: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        label = self.label

        retired = self.retired

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "label": label,
            }
        )
        if retired is not UNSET:
            field_dict["retired"] = retired

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        label = d.pop("label")

        retired = d.pop("retired", UNSET)

        dimension_option = cls(
            code=code,
            label=label,
            retired=retired,
        )

        return dimension_option
