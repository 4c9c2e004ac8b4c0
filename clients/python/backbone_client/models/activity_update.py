from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.activity_status import ActivityStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.activity_update_external_ids import ActivityUpdateExternalIds
    from ..models.population import Population


T = TypeVar("T", bound="ActivityUpdate")


@_attrs_define
class ActivityUpdate:
    """Dates and status are checked together with the activity's stored values: an end
    date before the start date, or a completed activity without an end date, is a 422.

        Attributes:
            title (str | Unset):
            description (str | Unset):
            status (ActivityStatus | Unset):
            start_date (datetime.date | None | Unset):
            end_date (datetime.date | None | Unset):
            lead_organization_id (UUID | Unset): Backbone staff only.
            strategy_ids (list[UUID] | Unset):
            goal_ids (list[UUID] | Unset):
            indicator_ids (list[UUID] | Unset):
            geographies (list[str] | Unset):
            populations (list[Population] | Unset):
            sector_tags (list[str] | Unset):
            external_ids (ActivityUpdateExternalIds | Unset): Ids in CRM or grant systems: system -> id.
    """

    title: str | Unset = UNSET
    description: str | Unset = UNSET
    status: ActivityStatus | Unset = UNSET
    start_date: datetime.date | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    lead_organization_id: UUID | Unset = UNSET
    strategy_ids: list[UUID] | Unset = UNSET
    goal_ids: list[UUID] | Unset = UNSET
    indicator_ids: list[UUID] | Unset = UNSET
    geographies: list[str] | Unset = UNSET
    populations: list[Population] | Unset = UNSET
    sector_tags: list[str] | Unset = UNSET
    external_ids: ActivityUpdateExternalIds | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        description = self.description

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        lead_organization_id: str | Unset = UNSET
        if not isinstance(self.lead_organization_id, Unset):
            lead_organization_id = str(self.lead_organization_id)

        strategy_ids: list[str] | Unset = UNSET
        if not isinstance(self.strategy_ids, Unset):
            strategy_ids = []
            for strategy_ids_item_data in self.strategy_ids:
                strategy_ids_item = str(strategy_ids_item_data)
                strategy_ids.append(strategy_ids_item)

        goal_ids: list[str] | Unset = UNSET
        if not isinstance(self.goal_ids, Unset):
            goal_ids = []
            for goal_ids_item_data in self.goal_ids:
                goal_ids_item = str(goal_ids_item_data)
                goal_ids.append(goal_ids_item)

        indicator_ids: list[str] | Unset = UNSET
        if not isinstance(self.indicator_ids, Unset):
            indicator_ids = []
            for indicator_ids_item_data in self.indicator_ids:
                indicator_ids_item = str(indicator_ids_item_data)
                indicator_ids.append(indicator_ids_item)

        geographies: list[str] | Unset = UNSET
        if not isinstance(self.geographies, Unset):
            geographies = self.geographies

        populations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.populations, Unset):
            populations = []
            for populations_item_data in self.populations:
                populations_item = populations_item_data.to_dict()
                populations.append(populations_item)

        sector_tags: list[str] | Unset = UNSET
        if not isinstance(self.sector_tags, Unset):
            sector_tags = self.sector_tags

        external_ids: dict[str, Any] | Unset = UNSET
        if not isinstance(self.external_ids, Unset):
            external_ids = self.external_ids.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if status is not UNSET:
            field_dict["status"] = status
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if lead_organization_id is not UNSET:
            field_dict["lead_organization_id"] = lead_organization_id
        if strategy_ids is not UNSET:
            field_dict["strategy_ids"] = strategy_ids
        if goal_ids is not UNSET:
            field_dict["goal_ids"] = goal_ids
        if indicator_ids is not UNSET:
            field_dict["indicator_ids"] = indicator_ids
        if geographies is not UNSET:
            field_dict["geographies"] = geographies
        if populations is not UNSET:
            field_dict["populations"] = populations
        if sector_tags is not UNSET:
            field_dict["sector_tags"] = sector_tags
        if external_ids is not UNSET:
            field_dict["external_ids"] = external_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activity_update_external_ids import ActivityUpdateExternalIds  # noqa: PLC0415
        from ..models.population import Population  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        _status = d.pop("status", UNSET)
        status: ActivityStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ActivityStatus(_status)

        def _parse_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        start_date = _parse_start_date(d.pop("start_date", UNSET))

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        _lead_organization_id = d.pop("lead_organization_id", UNSET)
        lead_organization_id: UUID | Unset
        if isinstance(_lead_organization_id, Unset):
            lead_organization_id = UNSET
        else:
            lead_organization_id = UUID(_lead_organization_id)

        _strategy_ids = d.pop("strategy_ids", UNSET)
        strategy_ids: list[UUID] | Unset = UNSET
        if _strategy_ids is not UNSET:
            strategy_ids = []
            for strategy_ids_item_data in _strategy_ids:
                strategy_ids_item = UUID(strategy_ids_item_data)

                strategy_ids.append(strategy_ids_item)

        _goal_ids = d.pop("goal_ids", UNSET)
        goal_ids: list[UUID] | Unset = UNSET
        if _goal_ids is not UNSET:
            goal_ids = []
            for goal_ids_item_data in _goal_ids:
                goal_ids_item = UUID(goal_ids_item_data)

                goal_ids.append(goal_ids_item)

        _indicator_ids = d.pop("indicator_ids", UNSET)
        indicator_ids: list[UUID] | Unset = UNSET
        if _indicator_ids is not UNSET:
            indicator_ids = []
            for indicator_ids_item_data in _indicator_ids:
                indicator_ids_item = UUID(indicator_ids_item_data)

                indicator_ids.append(indicator_ids_item)

        geographies = cast(list[str], d.pop("geographies", UNSET))

        _populations = d.pop("populations", UNSET)
        populations: list[Population] | Unset = UNSET
        if _populations is not UNSET:
            populations = []
            for populations_item_data in _populations:
                populations_item = Population.from_dict(populations_item_data)

                populations.append(populations_item)

        sector_tags = cast(list[str], d.pop("sector_tags", UNSET))

        _external_ids = d.pop("external_ids", UNSET)
        external_ids: ActivityUpdateExternalIds | Unset
        if isinstance(_external_ids, Unset):
            external_ids = UNSET
        else:
            external_ids = ActivityUpdateExternalIds.from_dict(_external_ids)

        activity_update = cls(
            title=title,
            description=description,
            status=status,
            start_date=start_date,
            end_date=end_date,
            lead_organization_id=lead_organization_id,
            strategy_ids=strategy_ids,
            goal_ids=goal_ids,
            indicator_ids=indicator_ids,
            geographies=geographies,
            populations=populations,
            sector_tags=sector_tags,
            external_ids=external_ids,
        )

        return activity_update
