from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.across_places import AcrossPlaces
from ..models.across_time import AcrossTime
from ..models.direction import Direction
from ..models.frequency import Frequency
from ..models.indicator_kind import IndicatorKind
from ..models.indicator_status import IndicatorStatus
from ..models.unit import Unit
from ..types import UNSET, Unset

T = TypeVar("T", bound="IndicatorUpdate")


@_attrs_define
class IndicatorUpdate:
    """
    Attributes:
        code (str | Unset): Lower-case letters, digits, '_' and '-'.
        name (str | Unset):
        definition (str | Unset):
        unit (Unit | Unset):
        rate_multiplier (float | Unset):
        decimals (int | None | Unset):
        direction (Direction | Unset):
        kind (IndicatorKind | Unset):
        frequency (Frequency | Unset):
        across_places (AcrossPlaces | Unset):
        across_time (AcrossTime | Unset):
        dimension_ids (list[UUID] | Unset):
        goal_ids (list[UUID] | Unset):
        data_source (str | Unset):
        status (IndicatorStatus | Unset):
        baseline_period (None | str | Unset):
        baseline_value (float | None | Unset):
    """

    code: str | Unset = UNSET
    name: str | Unset = UNSET
    definition: str | Unset = UNSET
    unit: Unit | Unset = UNSET
    rate_multiplier: float | Unset = UNSET
    decimals: int | None | Unset = UNSET
    direction: Direction | Unset = UNSET
    kind: IndicatorKind | Unset = UNSET
    frequency: Frequency | Unset = UNSET
    across_places: AcrossPlaces | Unset = UNSET
    across_time: AcrossTime | Unset = UNSET
    dimension_ids: list[UUID] | Unset = UNSET
    goal_ids: list[UUID] | Unset = UNSET
    data_source: str | Unset = UNSET
    status: IndicatorStatus | Unset = UNSET
    baseline_period: None | str | Unset = UNSET
    baseline_value: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        definition = self.definition

        unit: str | Unset = UNSET
        if not isinstance(self.unit, Unset):
            unit = self.unit.value

        rate_multiplier = self.rate_multiplier

        decimals: int | None | Unset
        if isinstance(self.decimals, Unset):
            decimals = UNSET
        else:
            decimals = self.decimals

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        frequency: str | Unset = UNSET
        if not isinstance(self.frequency, Unset):
            frequency = self.frequency.value

        across_places: str | Unset = UNSET
        if not isinstance(self.across_places, Unset):
            across_places = self.across_places.value

        across_time: str | Unset = UNSET
        if not isinstance(self.across_time, Unset):
            across_time = self.across_time.value

        dimension_ids: list[str] | Unset = UNSET
        if not isinstance(self.dimension_ids, Unset):
            dimension_ids = []
            for dimension_ids_item_data in self.dimension_ids:
                dimension_ids_item = str(dimension_ids_item_data)
                dimension_ids.append(dimension_ids_item)

        goal_ids: list[str] | Unset = UNSET
        if not isinstance(self.goal_ids, Unset):
            goal_ids = []
            for goal_ids_item_data in self.goal_ids:
                goal_ids_item = str(goal_ids_item_data)
                goal_ids.append(goal_ids_item)

        data_source = self.data_source

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        baseline_period: None | str | Unset
        if isinstance(self.baseline_period, Unset):
            baseline_period = UNSET
        else:
            baseline_period = self.baseline_period

        baseline_value: float | None | Unset
        if isinstance(self.baseline_value, Unset):
            baseline_value = UNSET
        else:
            baseline_value = self.baseline_value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if name is not UNSET:
            field_dict["name"] = name
        if definition is not UNSET:
            field_dict["definition"] = definition
        if unit is not UNSET:
            field_dict["unit"] = unit
        if rate_multiplier is not UNSET:
            field_dict["rate_multiplier"] = rate_multiplier
        if decimals is not UNSET:
            field_dict["decimals"] = decimals
        if direction is not UNSET:
            field_dict["direction"] = direction
        if kind is not UNSET:
            field_dict["kind"] = kind
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if across_places is not UNSET:
            field_dict["across_places"] = across_places
        if across_time is not UNSET:
            field_dict["across_time"] = across_time
        if dimension_ids is not UNSET:
            field_dict["dimension_ids"] = dimension_ids
        if goal_ids is not UNSET:
            field_dict["goal_ids"] = goal_ids
        if data_source is not UNSET:
            field_dict["data_source"] = data_source
        if status is not UNSET:
            field_dict["status"] = status
        if baseline_period is not UNSET:
            field_dict["baseline_period"] = baseline_period
        if baseline_value is not UNSET:
            field_dict["baseline_value"] = baseline_value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code", UNSET)

        name = d.pop("name", UNSET)

        definition = d.pop("definition", UNSET)

        _unit = d.pop("unit", UNSET)
        unit: Unit | Unset
        if isinstance(_unit, Unset):
            unit = UNSET
        else:
            unit = Unit(_unit)

        rate_multiplier = d.pop("rate_multiplier", UNSET)

        def _parse_decimals(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        decimals = _parse_decimals(d.pop("decimals", UNSET))

        _direction = d.pop("direction", UNSET)
        direction: Direction | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = Direction(_direction)

        _kind = d.pop("kind", UNSET)
        kind: IndicatorKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = IndicatorKind(_kind)

        _frequency = d.pop("frequency", UNSET)
        frequency: Frequency | Unset
        if isinstance(_frequency, Unset):
            frequency = UNSET
        else:
            frequency = Frequency(_frequency)

        _across_places = d.pop("across_places", UNSET)
        across_places: AcrossPlaces | Unset
        if isinstance(_across_places, Unset):
            across_places = UNSET
        else:
            across_places = AcrossPlaces(_across_places)

        _across_time = d.pop("across_time", UNSET)
        across_time: AcrossTime | Unset
        if isinstance(_across_time, Unset):
            across_time = UNSET
        else:
            across_time = AcrossTime(_across_time)

        _dimension_ids = d.pop("dimension_ids", UNSET)
        dimension_ids: list[UUID] | Unset = UNSET
        if _dimension_ids is not UNSET:
            dimension_ids = []
            for dimension_ids_item_data in _dimension_ids:
                dimension_ids_item = UUID(dimension_ids_item_data)

                dimension_ids.append(dimension_ids_item)

        _goal_ids = d.pop("goal_ids", UNSET)
        goal_ids: list[UUID] | Unset = UNSET
        if _goal_ids is not UNSET:
            goal_ids = []
            for goal_ids_item_data in _goal_ids:
                goal_ids_item = UUID(goal_ids_item_data)

                goal_ids.append(goal_ids_item)

        data_source = d.pop("data_source", UNSET)

        _status = d.pop("status", UNSET)
        status: IndicatorStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = IndicatorStatus(_status)

        def _parse_baseline_period(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        baseline_period = _parse_baseline_period(d.pop("baseline_period", UNSET))

        def _parse_baseline_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        baseline_value = _parse_baseline_value(d.pop("baseline_value", UNSET))

        indicator_update = cls(
            code=code,
            name=name,
            definition=definition,
            unit=unit,
            rate_multiplier=rate_multiplier,
            decimals=decimals,
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
        )

        return indicator_update
