from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.trend import Trend

T = TypeVar("T", bound="GapTrend")


@_attrs_define
class GapTrend:
    """
    Attributes:
        group (str):
        first_period (str):
        last_period (str):
        first_gap (float):
        last_gap (float):
        trend (Trend):
    """

    group: str
    first_period: str
    last_period: str
    first_gap: float
    last_gap: float
    trend: Trend
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group = self.group

        first_period = self.first_period

        last_period = self.last_period

        first_gap = self.first_gap

        last_gap = self.last_gap

        trend = self.trend.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "group": group,
                "first_period": first_period,
                "last_period": last_period,
                "first_gap": first_gap,
                "last_gap": last_gap,
                "trend": trend,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        group = d.pop("group")

        first_period = d.pop("first_period")

        last_period = d.pop("last_period")

        first_gap = d.pop("first_gap")

        last_gap = d.pop("last_gap")

        trend = Trend(d.pop("trend"))

        gap_trend = cls(
            group=group,
            first_period=first_period,
            last_period=last_period,
            first_gap=first_gap,
            last_gap=last_gap,
            trend=trend,
        )

        gap_trend.additional_properties = d
        return gap_trend

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
