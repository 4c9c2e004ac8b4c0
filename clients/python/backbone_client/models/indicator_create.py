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

T = TypeVar("T", bound="IndicatorCreate")


@_attrs_define
class IndicatorCreate:
    """
    Attributes:
        name (str):
        direction (Direction):
        code (str): Lower-case letters, digits, '_' and '-'.
        unit (Unit):
        frequency (Frequency):
        definition (str | Unset):  Default: ''.
        kind (IndicatorKind | Unset):
        across_places (AcrossPlaces | Unset):
        across_time (AcrossTime | Unset):
        dimension_ids (list[UUID] | Unset):
        goal_ids (list[UUID] | Unset): Agenda goals this indicator tracks (must exist in agenda).
        data_source (str | Unset):  Default: ''.
        decimals (int | None | Unset):
        baseline_period (None | str | Unset):
        baseline_value (float | None | Unset): Overrides the value observed in the baseline period.
        rate_multiplier (float | None | Unset): Scale of rates: 100 for percent (the default for percent), 1000 for 'per
            1,000'.
        status (IndicatorStatus | Unset):
    """

    name: str
    direction: Direction
    code: str
    unit: Unit
    frequency: Frequency
    definition: str | Unset = ""
    kind: IndicatorKind | Unset = UNSET
    across_places: AcrossPlaces | Unset = UNSET
    across_time: AcrossTime | Unset = UNSET
    dimension_ids: list[UUID] | Unset = UNSET
    goal_ids: list[UUID] | Unset = UNSET
    data_source: str | Unset = ""
    decimals: int | None | Unset = UNSET
    baseline_period: None | str | Unset = UNSET
    baseline_value: float | None | Unset = UNSET
    rate_multiplier: float | None | Unset = UNSET
    status: IndicatorStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        direction = self.direction.value

        code = self.code

        unit = self.unit.value

        frequency = self.frequency.value

        definition = self.definition

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

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

        decimals: int | None | Unset
        if isinstance(self.decimals, Unset):
            decimals = UNSET
        else:
            decimals = self.decimals

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

        rate_multiplier: float | None | Unset
        if isinstance(self.rate_multiplier, Unset):
            rate_multiplier = UNSET
        else:
            rate_multiplier = self.rate_multiplier

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "direction": direction,
                "code": code,
                "unit": unit,
                "frequency": frequency,
            }
        )
        if definition is not UNSET:
            field_dict["definition"] = definition
        if kind is not UNSET:
            field_dict["kind"] = kind
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
        if decimals is not UNSET:
            field_dict["decimals"] = decimals
        if baseline_period is not UNSET:
            field_dict["baseline_period"] = baseline_period
        if baseline_value is not UNSET:
            field_dict["baseline_value"] = baseline_value
        if rate_multiplier is not UNSET:
            field_dict["rate_multiplier"] = rate_multiplier
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        direction = Direction(d.pop("direction"))

        code = d.pop("code")

        unit = Unit(d.pop("unit"))

        frequency = Frequency(d.pop("frequency"))

        definition = d.pop("definition", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: IndicatorKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = IndicatorKind(_kind)

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

        def _parse_decimals(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        decimals = _parse_decimals(d.pop("decimals", UNSET))

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

        def _parse_rate_multiplier(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        rate_multiplier = _parse_rate_multiplier(d.pop("rate_multiplier", UNSET))

        _status = d.pop("status", UNSET)
        status: IndicatorStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = IndicatorStatus(_status)

        indicator_create = cls(
            name=name,
            direction=direction,
            code=code,
            unit=unit,
            frequency=frequency,
            definition=definition,
            kind=kind,
            across_places=across_places,
            across_time=across_time,
            dimension_ids=dimension_ids,
            goal_ids=goal_ids,
            data_source=data_source,
            decimals=decimals,
            baseline_period=baseline_period,
            baseline_value=baseline_value,
            rate_multiplier=rate_multiplier,
            status=status,
        )

        return indicator_create
