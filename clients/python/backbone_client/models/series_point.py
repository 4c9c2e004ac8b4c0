from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consistency import Consistency


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
        derived (bool | Unset): Worked out from the groups reported (by the indicator's rules), in some place or for
            some organization that did not report this figure itself. Default: False.
        consistency (Consistency | None | Unset): Set when this figure was reported and the groups reported beside it
            add up to something else (the reported figure stands). Shown to callers who see every figure, never with
            suppression.
    """

    period: str
    period_start: datetime.date
    period_end: datetime.date
    value: float | None
    observations: int | None
    numerator: float | None | Unset = UNSET
    denominator: float | None | Unset = UNSET
    suppressed: bool | Unset = False
    derived: bool | Unset = False
    consistency: Consistency | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.consistency import Consistency  # noqa: PLC0415

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

        derived = self.derived

        consistency: dict[str, Any] | None | Unset
        if isinstance(self.consistency, Unset):
            consistency = UNSET
        elif isinstance(self.consistency, Consistency):
            consistency = self.consistency.to_dict()
        else:
            consistency = self.consistency

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
        if derived is not UNSET:
            field_dict["derived"] = derived
        if consistency is not UNSET:
            field_dict["consistency"] = consistency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consistency import Consistency  # noqa: PLC0415

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

        derived = d.pop("derived", UNSET)

        def _parse_consistency(data: object) -> Consistency | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                consistency_type_0 = Consistency.from_dict(data)

                return consistency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Consistency | None | Unset, data)

        consistency = _parse_consistency(d.pop("consistency", UNSET))

        series_point = cls(
            period=period,
            period_start=period_start,
            period_end=period_end,
            value=value,
            observations=observations,
            numerator=numerator,
            denominator=denominator,
            suppressed=suppressed,
            derived=derived,
            consistency=consistency,
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
