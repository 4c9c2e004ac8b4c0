from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dimension_option import DimensionOption


T = TypeVar("T", bound="DimensionUpdate")


@_attrs_define
class DimensionUpdate:
    """
    Attributes:
        name (str | Unset):
        description (str | Unset):
        options (list[DimensionOption] | Unset): The full list: existing codes must stay (retire them instead); new
            codes are added.
    """

    name: str | Unset = UNSET
    description: str | Unset = UNSET
    options: list[DimensionOption] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        options: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = []
            for options_item_data in self.options:
                options_item = options_item_data.to_dict()
                options.append(options_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dimension_option import DimensionOption  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        _options = d.pop("options", UNSET)
        options: list[DimensionOption] | Unset = UNSET
        if _options is not UNSET:
            options = []
            for options_item_data in _options:
                options_item = DimensionOption.from_dict(options_item_data)

                options.append(options_item)

        dimension_update = cls(
            name=name,
            description=description,
            options=options,
        )

        return dimension_update
