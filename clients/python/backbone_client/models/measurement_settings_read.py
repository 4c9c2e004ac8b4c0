from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MeasurementSettingsRead")


@_attrs_define
class MeasurementSettingsRead:
    """
    Attributes:
        initiative_id (UUID):
        name (str):
        version (int):
        min_cell_size (int):
        fiscal_year_start_month (int):
        updated_at (datetime.datetime):
    """

    initiative_id: UUID
    name: str
    version: int
    min_cell_size: int
    fiscal_year_start_month: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        initiative_id = str(self.initiative_id)

        name = self.name

        version = self.version

        min_cell_size = self.min_cell_size

        fiscal_year_start_month = self.fiscal_year_start_month

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "initiative_id": initiative_id,
                "name": name,
                "version": version,
                "min_cell_size": min_cell_size,
                "fiscal_year_start_month": fiscal_year_start_month,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        initiative_id = UUID(d.pop("initiative_id"))

        name = d.pop("name")

        version = d.pop("version")

        min_cell_size = d.pop("min_cell_size")

        fiscal_year_start_month = d.pop("fiscal_year_start_month")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        measurement_settings_read = cls(
            initiative_id=initiative_id,
            name=name,
            version=version,
            min_cell_size=min_cell_size,
            fiscal_year_start_month=fiscal_year_start_month,
            updated_at=updated_at,
        )

        measurement_settings_read.additional_properties = d
        return measurement_settings_read

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
