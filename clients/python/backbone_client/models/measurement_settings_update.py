from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MeasurementSettingsUpdate")


@_attrs_define
class MeasurementSettingsUpdate:
    """
    Attributes:
        min_cell_size (int | Unset): Cells with a smaller count are suppressed for viewers and partners.
        fiscal_year_start_month (int | Unset): First month of the fiscal year; FY2026 is the one ending in 2026.
    """

    min_cell_size: int | Unset = UNSET
    fiscal_year_start_month: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        min_cell_size = self.min_cell_size

        fiscal_year_start_month = self.fiscal_year_start_month

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if min_cell_size is not UNSET:
            field_dict["min_cell_size"] = min_cell_size
        if fiscal_year_start_month is not UNSET:
            field_dict["fiscal_year_start_month"] = fiscal_year_start_month

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        min_cell_size = d.pop("min_cell_size", UNSET)

        fiscal_year_start_month = d.pop("fiscal_year_start_month", UNSET)

        measurement_settings_update = cls(
            min_cell_size=min_cell_size,
            fiscal_year_start_month=fiscal_year_start_month,
        )

        return measurement_settings_update
