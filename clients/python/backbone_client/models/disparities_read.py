from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.gap_trend import GapTrend
    from ..models.period_gaps import PeriodGaps


T = TypeVar("T", bound="DisparitiesRead")


@_attrs_define
class DisparitiesRead:
    """
    Attributes:
        indicator_id (UUID):
        dimension (str):
        reference_group (str):
        reference_rule (str): 'chosen' or 'best' (best-performing, latest).
        latest (PeriodGaps):
        over_time (list[PeriodGaps]):
        trends (list[GapTrend]):
    """

    indicator_id: UUID
    dimension: str
    reference_group: str
    reference_rule: str
    latest: PeriodGaps
    over_time: list[PeriodGaps]
    trends: list[GapTrend]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        indicator_id = str(self.indicator_id)

        dimension = self.dimension

        reference_group = self.reference_group

        reference_rule = self.reference_rule

        latest = self.latest.to_dict()

        over_time = []
        for over_time_item_data in self.over_time:
            over_time_item = over_time_item_data.to_dict()
            over_time.append(over_time_item)

        trends = []
        for trends_item_data in self.trends:
            trends_item = trends_item_data.to_dict()
            trends.append(trends_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "indicator_id": indicator_id,
                "dimension": dimension,
                "reference_group": reference_group,
                "reference_rule": reference_rule,
                "latest": latest,
                "over_time": over_time,
                "trends": trends,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gap_trend import GapTrend  # noqa: PLC0415
        from ..models.period_gaps import PeriodGaps  # noqa: PLC0415

        d = dict(src_dict)
        indicator_id = UUID(d.pop("indicator_id"))

        dimension = d.pop("dimension")

        reference_group = d.pop("reference_group")

        reference_rule = d.pop("reference_rule")

        latest = PeriodGaps.from_dict(d.pop("latest"))

        over_time = []
        _over_time = d.pop("over_time")
        for over_time_item_data in _over_time:
            over_time_item = PeriodGaps.from_dict(over_time_item_data)

            over_time.append(over_time_item)

        trends = []
        _trends = d.pop("trends")
        for trends_item_data in _trends:
            trends_item = GapTrend.from_dict(trends_item_data)

            trends.append(trends_item)

        disparities_read = cls(
            indicator_id=indicator_id,
            dimension=dimension,
            reference_group=reference_group,
            reference_rule=reference_rule,
            latest=latest,
            over_time=over_time,
            trends=trends,
        )

        disparities_read.additional_properties = d
        return disparities_read

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
