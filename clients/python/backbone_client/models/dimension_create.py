from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dimension_option import DimensionOption


T = TypeVar("T", bound="DimensionCreate")


@_attrs_define
class DimensionCreate:
    """
    Attributes:
        code (str): Lower-case letters, digits, '_' and '-'.
        name (str):
        options (list[DimensionOption]):
        description (str | Unset):  Default: ''.
    """

    code: str
    name: str
    options: list[DimensionOption]
    description: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
                "options": options,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dimension_option import DimensionOption  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        options = []
        _options = d.pop("options")
        for options_item_data in _options:
            options_item = DimensionOption.from_dict(options_item_data)

            options.append(options_item)

        description = d.pop("description", UNSET)

        dimension_create = cls(
            code=code,
            name=name,
            options=options,
            description=description,
        )

        return dimension_create
