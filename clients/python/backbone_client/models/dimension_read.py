from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dimension_option import DimensionOption


T = TypeVar("T", bound="DimensionRead")


@_attrs_define
class DimensionRead:
    """
    Attributes:
        id (UUID):
        version (int): Increases on every change; the ETag is its quoted value.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        initiative_id (UUID):
        code (str):
        name (str):
        description (str):
        options (list[DimensionOption]):
    """

    id: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    initiative_id: UUID
    code: str
    name: str
    description: str
    options: list[DimensionOption]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        initiative_id = str(self.initiative_id)

        code = self.code

        name = self.name

        description = self.description

        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "initiative_id": initiative_id,
                "code": code,
                "name": name,
                "description": description,
                "options": options,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dimension_option import DimensionOption  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        initiative_id = UUID(d.pop("initiative_id"))

        code = d.pop("code")

        name = d.pop("name")

        description = d.pop("description")

        options = []
        _options = d.pop("options")
        for options_item_data in _options:
            options_item = DimensionOption.from_dict(options_item_data)

            options.append(options_item)

        dimension_read = cls(
            id=id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            initiative_id=initiative_id,
            code=code,
            name=name,
            description=description,
            options=options,
        )

        dimension_read.additional_properties = d
        return dimension_read

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
