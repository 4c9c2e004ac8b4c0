from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.activity_status import ActivityStatus

if TYPE_CHECKING:
    from ..models.activity_read_external_ids import ActivityReadExternalIds
    from ..models.population_read import PopulationRead


T = TypeVar("T", bound="ActivityRead")


@_attrs_define
class ActivityRead:
    """
    Attributes:
        id (UUID):
        version (int): Increases on every change; the ETag is its quoted value.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        initiative_id (UUID):
        title (str):
        description (str):
        status (ActivityStatus):
        start_date (datetime.date | None):
        end_date (datetime.date | None):
        lead_organization_id (UUID):
        strategy_ids (list[UUID]):
        goal_ids (list[UUID]):
        indicator_ids (list[UUID]):
        geographies (list[str]):
        populations (list[PopulationRead]):
        sector_tags (list[str]):
        external_ids (ActivityReadExternalIds):
    """

    id: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    initiative_id: UUID
    title: str
    description: str
    status: ActivityStatus
    start_date: datetime.date | None
    end_date: datetime.date | None
    lead_organization_id: UUID
    strategy_ids: list[UUID]
    goal_ids: list[UUID]
    indicator_ids: list[UUID]
    geographies: list[str]
    populations: list[PopulationRead]
    sector_tags: list[str]
    external_ids: ActivityReadExternalIds
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        initiative_id = str(self.initiative_id)

        title = self.title

        description = self.description

        status = self.status.value

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

        lead_organization_id = str(self.lead_organization_id)

        strategy_ids = []
        for strategy_ids_item_data in self.strategy_ids:
            strategy_ids_item = str(strategy_ids_item_data)
            strategy_ids.append(strategy_ids_item)

        goal_ids = []
        for goal_ids_item_data in self.goal_ids:
            goal_ids_item = str(goal_ids_item_data)
            goal_ids.append(goal_ids_item)

        indicator_ids = []
        for indicator_ids_item_data in self.indicator_ids:
            indicator_ids_item = str(indicator_ids_item_data)
            indicator_ids.append(indicator_ids_item)

        geographies = self.geographies

        populations = []
        for populations_item_data in self.populations:
            populations_item = populations_item_data.to_dict()
            populations.append(populations_item)

        sector_tags = self.sector_tags

        external_ids = self.external_ids.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "initiative_id": initiative_id,
                "title": title,
                "description": description,
                "status": status,
                "start_date": start_date,
                "end_date": end_date,
                "lead_organization_id": lead_organization_id,
                "strategy_ids": strategy_ids,
                "goal_ids": goal_ids,
                "indicator_ids": indicator_ids,
                "geographies": geographies,
                "populations": populations,
                "sector_tags": sector_tags,
                "external_ids": external_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activity_read_external_ids import ActivityReadExternalIds  # noqa: PLC0415
        from ..models.population_read import PopulationRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        initiative_id = UUID(d.pop("initiative_id"))

        title = d.pop("title")

        description = d.pop("description")

        status = ActivityStatus(d.pop("status"))

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

        lead_organization_id = UUID(d.pop("lead_organization_id"))

        strategy_ids = []
        _strategy_ids = d.pop("strategy_ids")
        for strategy_ids_item_data in _strategy_ids:
            strategy_ids_item = UUID(strategy_ids_item_data)

            strategy_ids.append(strategy_ids_item)

        goal_ids = []
        _goal_ids = d.pop("goal_ids")
        for goal_ids_item_data in _goal_ids:
            goal_ids_item = UUID(goal_ids_item_data)

            goal_ids.append(goal_ids_item)

        indicator_ids = []
        _indicator_ids = d.pop("indicator_ids")
        for indicator_ids_item_data in _indicator_ids:
            indicator_ids_item = UUID(indicator_ids_item_data)

            indicator_ids.append(indicator_ids_item)

        geographies = cast(list[str], d.pop("geographies"))

        populations = []
        _populations = d.pop("populations")
        for populations_item_data in _populations:
            populations_item = PopulationRead.from_dict(populations_item_data)

            populations.append(populations_item)

        sector_tags = cast(list[str], d.pop("sector_tags"))

        external_ids = ActivityReadExternalIds.from_dict(d.pop("external_ids"))

        activity_read = cls(
            id=id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            initiative_id=initiative_id,
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

        activity_read.additional_properties = d
        return activity_read

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
