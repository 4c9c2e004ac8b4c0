from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.gap_kind import GapKind

if TYPE_CHECKING:
    from ..models.widening_read import WideningRead


T = TypeVar("T", bound="GapRead")


@_attrs_define
class GapRead:
    """
    Attributes:
        kind (GapKind):
        reason (str):
        goal_id (None | UUID):
        strategy_id (None | UUID):
        indicator_id (None | UUID):
        geographies (list[str]): The places left out, at the highest level (none: everywhere, or not about places).
        widening (None | WideningRead): For a widening gap: how it widened, as measurement reports it to viewers.
        activity_ids (list[UUID]): Running activities doing this work elsewhere.
    """

    kind: GapKind
    reason: str
    goal_id: None | UUID
    strategy_id: None | UUID
    indicator_id: None | UUID
    geographies: list[str]
    widening: None | WideningRead
    activity_ids: list[UUID]

    def to_dict(self) -> dict[str, Any]:
        from ..models.widening_read import WideningRead  # noqa: PLC0415

        kind = self.kind.value

        reason = self.reason

        goal_id: None | str
        if isinstance(self.goal_id, UUID):
            goal_id = str(self.goal_id)
        else:
            goal_id = self.goal_id

        strategy_id: None | str
        if isinstance(self.strategy_id, UUID):
            strategy_id = str(self.strategy_id)
        else:
            strategy_id = self.strategy_id

        indicator_id: None | str
        if isinstance(self.indicator_id, UUID):
            indicator_id = str(self.indicator_id)
        else:
            indicator_id = self.indicator_id

        geographies = self.geographies

        widening: dict[str, Any] | None
        if isinstance(self.widening, WideningRead):
            widening = self.widening.to_dict()
        else:
            widening = self.widening

        activity_ids = []
        for activity_ids_item_data in self.activity_ids:
            activity_ids_item = str(activity_ids_item_data)
            activity_ids.append(activity_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "reason": reason,
                "goal_id": goal_id,
                "strategy_id": strategy_id,
                "indicator_id": indicator_id,
                "geographies": geographies,
                "widening": widening,
                "activity_ids": activity_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.widening_read import WideningRead  # noqa: PLC0415

        d = dict(src_dict)
        kind = GapKind(d.pop("kind"))

        reason = d.pop("reason")

        def _parse_goal_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                goal_id_type_0 = UUID(data)

                return goal_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        goal_id = _parse_goal_id(d.pop("goal_id"))

        def _parse_strategy_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                strategy_id_type_0 = UUID(data)

                return strategy_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        strategy_id = _parse_strategy_id(d.pop("strategy_id"))

        def _parse_indicator_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                indicator_id_type_0 = UUID(data)

                return indicator_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        indicator_id = _parse_indicator_id(d.pop("indicator_id"))

        geographies = cast(list[str], d.pop("geographies"))

        def _parse_widening(data: object) -> None | WideningRead:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                widening_type_0 = WideningRead.from_dict(data)

                return widening_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | WideningRead, data)

        widening = _parse_widening(d.pop("widening"))

        activity_ids = []
        _activity_ids = d.pop("activity_ids")
        for activity_ids_item_data in _activity_ids:
            activity_ids_item = UUID(activity_ids_item_data)

            activity_ids.append(activity_ids_item)

        gap_read = cls(
            kind=kind,
            reason=reason,
            goal_id=goal_id,
            strategy_id=strategy_id,
            indicator_id=indicator_id,
            geographies=geographies,
            widening=widening,
            activity_ids=activity_ids,
        )

        return gap_read
