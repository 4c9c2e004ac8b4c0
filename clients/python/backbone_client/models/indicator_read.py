from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.across_places import AcrossPlaces
from ..models.across_time import AcrossTime
from ..models.direction import Direction
from ..models.frequency import Frequency
from ..models.indicator_kind import IndicatorKind
from ..models.indicator_status import IndicatorStatus
from ..models.progress_status import ProgressStatus
from ..models.unit import Unit
from ..types import UNSET, Unset

T = TypeVar("T", bound="IndicatorRead")


@_attrs_define
class IndicatorRead:
    """
    Attributes:
        id (UUID):
        version (int): Increases on every change; the ETag is its quoted value.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        initiative_id (UUID):
        code (str):
        name (str):
        definition (str):
        unit (Unit):
        rate_multiplier (float):
        direction (Direction):
        kind (IndicatorKind):
        frequency (Frequency):
        across_places (AcrossPlaces):
        across_time (AcrossTime):
        dimension_ids (list[UUID]):
        goal_ids (list[UUID]):
        data_source (str):
        status (IndicatorStatus):
        baseline_period (None | str):
        baseline_value (float | None):
        progress_status (ProgressStatus):
        decimals (int | None | Unset): Decimals its figures are shown with; null: the unit's default, none for counts
            and two otherwise.
        staff_progress_status (None | ProgressStatus | Unset): Backbone staff only (null for others): the status from
            all data not rejected, submitted data included.
    """

    id: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    initiative_id: UUID
    code: str
    name: str
    definition: str
    unit: Unit
    rate_multiplier: float
    direction: Direction
    kind: IndicatorKind
    frequency: Frequency
    across_places: AcrossPlaces
    across_time: AcrossTime
    dimension_ids: list[UUID]
    goal_ids: list[UUID]
    data_source: str
    status: IndicatorStatus
    baseline_period: None | str
    baseline_value: float | None
    progress_status: ProgressStatus
    decimals: int | None | Unset = UNSET
    staff_progress_status: None | ProgressStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        initiative_id = str(self.initiative_id)

        code = self.code

        name = self.name

        definition = self.definition

        unit = self.unit.value

        rate_multiplier = self.rate_multiplier

        direction = self.direction.value

        kind = self.kind.value

        frequency = self.frequency.value

        across_places = self.across_places.value

        across_time = self.across_time.value

        dimension_ids = []
        for dimension_ids_item_data in self.dimension_ids:
            dimension_ids_item = str(dimension_ids_item_data)
            dimension_ids.append(dimension_ids_item)

        goal_ids = []
        for goal_ids_item_data in self.goal_ids:
            goal_ids_item = str(goal_ids_item_data)
            goal_ids.append(goal_ids_item)

        data_source = self.data_source

        status = self.status.value

        baseline_period: None | str
        baseline_period = self.baseline_period

        baseline_value: float | None
        baseline_value = self.baseline_value

        progress_status = self.progress_status.value

        decimals: int | None | Unset
        if isinstance(self.decimals, Unset):
            decimals = UNSET
        else:
            decimals = self.decimals

        staff_progress_status: None | str | Unset
        if isinstance(self.staff_progress_status, Unset):
            staff_progress_status = UNSET
        elif isinstance(self.staff_progress_status, ProgressStatus):
            staff_progress_status = self.staff_progress_status.value
        else:
            staff_progress_status = self.staff_progress_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "initiative_id": initiative_id,
                "code": code,
                "name": name,
                "definition": definition,
                "unit": unit,
                "rate_multiplier": rate_multiplier,
                "direction": direction,
                "kind": kind,
                "frequency": frequency,
                "across_places": across_places,
                "across_time": across_time,
                "dimension_ids": dimension_ids,
                "goal_ids": goal_ids,
                "data_source": data_source,
                "status": status,
                "baseline_period": baseline_period,
                "baseline_value": baseline_value,
                "progress_status": progress_status,
            }
        )
        if decimals is not UNSET:
            field_dict["decimals"] = decimals
        if staff_progress_status is not UNSET:
            field_dict["staff_progress_status"] = staff_progress_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        initiative_id = UUID(d.pop("initiative_id"))

        code = d.pop("code")

        name = d.pop("name")

        definition = d.pop("definition")

        unit = Unit(d.pop("unit"))

        rate_multiplier = d.pop("rate_multiplier")

        direction = Direction(d.pop("direction"))

        kind = IndicatorKind(d.pop("kind"))

        frequency = Frequency(d.pop("frequency"))

        across_places = AcrossPlaces(d.pop("across_places"))

        across_time = AcrossTime(d.pop("across_time"))

        dimension_ids = []
        _dimension_ids = d.pop("dimension_ids")
        for dimension_ids_item_data in _dimension_ids:
            dimension_ids_item = UUID(dimension_ids_item_data)

            dimension_ids.append(dimension_ids_item)

        goal_ids = []
        _goal_ids = d.pop("goal_ids")
        for goal_ids_item_data in _goal_ids:
            goal_ids_item = UUID(goal_ids_item_data)

            goal_ids.append(goal_ids_item)

        data_source = d.pop("data_source")

        status = IndicatorStatus(d.pop("status"))

        def _parse_baseline_period(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        baseline_period = _parse_baseline_period(d.pop("baseline_period"))

        def _parse_baseline_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        baseline_value = _parse_baseline_value(d.pop("baseline_value"))

        progress_status = ProgressStatus(d.pop("progress_status"))

        def _parse_decimals(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        decimals = _parse_decimals(d.pop("decimals", UNSET))

        def _parse_staff_progress_status(data: object) -> None | ProgressStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                staff_progress_status_type_0 = ProgressStatus(data)

                return staff_progress_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProgressStatus | Unset, data)

        staff_progress_status = _parse_staff_progress_status(d.pop("staff_progress_status", UNSET))

        indicator_read = cls(
            id=id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            initiative_id=initiative_id,
            code=code,
            name=name,
            definition=definition,
            unit=unit,
            rate_multiplier=rate_multiplier,
            direction=direction,
            kind=kind,
            frequency=frequency,
            across_places=across_places,
            across_time=across_time,
            dimension_ids=dimension_ids,
            goal_ids=goal_ids,
            data_source=data_source,
            status=status,
            baseline_period=baseline_period,
            baseline_value=baseline_value,
            progress_status=progress_status,
            decimals=decimals,
            staff_progress_status=staff_progress_status,
        )

        indicator_read.additional_properties = d
        return indicator_read

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
