from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.across_places import AcrossPlaces
from ..models.across_time import AcrossTime
from ..models.unit import Unit

if TYPE_CHECKING:
    from ..models.series import Series


T = TypeVar("T", bound="SeriesRead")


@_attrs_define
class SeriesRead:
    """
    Attributes:
        indicator_id (UUID):
        unit (Unit):
        across_places (AcrossPlaces):
        across_time (AcrossTime):
        by (None | str):
        series (list[Series]):
    """

    indicator_id: UUID
    unit: Unit
    across_places: AcrossPlaces
    across_time: AcrossTime
    by: None | str
    series: list[Series]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        indicator_id = str(self.indicator_id)

        unit = self.unit.value

        across_places = self.across_places.value

        across_time = self.across_time.value

        by: None | str
        by = self.by

        series = []
        for series_item_data in self.series:
            series_item = series_item_data.to_dict()
            series.append(series_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "indicator_id": indicator_id,
                "unit": unit,
                "across_places": across_places,
                "across_time": across_time,
                "by": by,
                "series": series,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.series import Series  # noqa: PLC0415

        d = dict(src_dict)
        indicator_id = UUID(d.pop("indicator_id"))

        unit = Unit(d.pop("unit"))

        across_places = AcrossPlaces(d.pop("across_places"))

        across_time = AcrossTime(d.pop("across_time"))

        def _parse_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        by = _parse_by(d.pop("by"))

        series = []
        _series = d.pop("series")
        for series_item_data in _series:
            series_item = Series.from_dict(series_item_data)

            series.append(series_item)

        series_read = cls(
            indicator_id=indicator_id,
            unit=unit,
            across_places=across_places,
            across_time=across_time,
            by=by,
            series=series,
        )

        series_read.additional_properties = d
        return series_read

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
