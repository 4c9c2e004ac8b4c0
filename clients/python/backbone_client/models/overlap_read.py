from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.overlap_activity import OverlapActivity
    from ..models.population_read import PopulationRead


T = TypeVar("T", bound="OverlapRead")


@_attrs_define
class OverlapRead:
    """
    Attributes:
        activities (list[OverlapActivity]):
        strategy_ids (list[UUID]):
        geographies (list[str]): Where both reach ([]: the whole area).
        populations (list[PopulationRead]): Whom both can serve ([]: everyone).
        start_date (datetime.date | None):
        end_date (datetime.date | None):
        marked_duplicate (bool): A `duplicates` link says so already.
        reason (str):
    """

    activities: list[OverlapActivity]
    strategy_ids: list[UUID]
    geographies: list[str]
    populations: list[PopulationRead]
    start_date: datetime.date | None
    end_date: datetime.date | None
    marked_duplicate: bool
    reason: str

    def to_dict(self) -> dict[str, Any]:
        activities = []
        for activities_item_data in self.activities:
            activities_item = activities_item_data.to_dict()
            activities.append(activities_item)

        strategy_ids = []
        for strategy_ids_item_data in self.strategy_ids:
            strategy_ids_item = str(strategy_ids_item_data)
            strategy_ids.append(strategy_ids_item)

        geographies = self.geographies

        populations = []
        for populations_item_data in self.populations:
            populations_item = populations_item_data.to_dict()
            populations.append(populations_item)

        start_date: None | str
        if isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        end_date: None | str
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        marked_duplicate = self.marked_duplicate

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "activities": activities,
                "strategy_ids": strategy_ids,
                "geographies": geographies,
                "populations": populations,
                "start_date": start_date,
                "end_date": end_date,
                "marked_duplicate": marked_duplicate,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.overlap_activity import OverlapActivity  # noqa: PLC0415
        from ..models.population_read import PopulationRead  # noqa: PLC0415

        d = dict(src_dict)
        activities = []
        _activities = d.pop("activities")
        for activities_item_data in _activities:
            activities_item = OverlapActivity.from_dict(activities_item_data)

            activities.append(activities_item)

        strategy_ids = []
        _strategy_ids = d.pop("strategy_ids")
        for strategy_ids_item_data in _strategy_ids:
            strategy_ids_item = UUID(strategy_ids_item_data)

            strategy_ids.append(strategy_ids_item)

        geographies = cast(list[str], d.pop("geographies"))

        populations = []
        _populations = d.pop("populations")
        for populations_item_data in _populations:
            populations_item = PopulationRead.from_dict(populations_item_data)

            populations.append(populations_item)

        def _parse_start_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        start_date = _parse_start_date(d.pop("start_date"))

        def _parse_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        end_date = _parse_end_date(d.pop("end_date"))

        marked_duplicate = d.pop("marked_duplicate")

        reason = d.pop("reason")

        overlap_read = cls(
            activities=activities,
            strategy_ids=strategy_ids,
            geographies=geographies,
            populations=populations,
            start_date=start_date,
            end_date=end_date,
            marked_duplicate=marked_duplicate,
            reason=reason,
        )

        return overlap_read
