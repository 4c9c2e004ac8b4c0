from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SeriesPoint")


@_attrs_define
class SeriesPoint:
    """
    Attributes:
        period (str):
        period_start (datetime.date):
        period_end (datetime.date):
        value (float | None):
        observations (int | None): How many stored observations make this point (null when suppressed).
        numerator (float | None | Unset):
        denominator (float | None | Unset):
        suppressed (bool | Unset): Hidden to protect a small group. Default: False.
    """

    period: str
    period_start: datetime.date
    period_end: datetime.date
    value: float | None
    observations: int | None
    numerator: float | None | Unset = UNSET
    denominator: float | None | Unset = UNSET
    suppressed: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        value: float | None
        value = self.value

        observations: int | None
        observations = self.observations

        numerator: float | None | Unset
        if isinstance(self.numerator, Unset):
            numerator = UNSET
        else:
            numerator = self.numerator

        denominator: float | None | Unset
        if isinstance(self.denominator, Unset):
            denominator = UNSET
        else:
            denominator = self.denominator

        suppressed = self.suppressed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "period_start": period_start,
                "period_end": period_end,
                "value": value,
                "observations": observations,
            }
        )
        if numerator is not UNSET:
            field_dict["numerator"] = numerator
        if denominator is not UNSET:
            field_dict["denominator"] = denominator
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = d.pop("period")

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        def _parse_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        value = _parse_value(d.pop("value"))

        def _parse_observations(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        observations = _parse_observations(d.pop("observations"))

        def _parse_numerator(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        numerator = _parse_numerator(d.pop("numerator", UNSET))

        def _parse_denominator(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        denominator = _parse_denominator(d.pop("denominator", UNSET))

        suppressed = d.pop("suppressed", UNSET)

        series_point = cls(
            period=period,
            period_start=period_start,
            period_end=period_end,
            value=value,
            observations=observations,
            numerator=numerator,
            denominator=denominator,
            suppressed=suppressed,
        )

        series_point.additional_properties = d
        return series_point

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
