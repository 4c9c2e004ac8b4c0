from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cell_activity import CellActivity


T = TypeVar("T", bound="AlignmentCell")


@_attrs_define
class AlignmentCell:
    """
    Attributes:
        strategy_id (None | UUID): None: activities serving no strategy.
        organization_id (UUID):
        activities (list[CellActivity]):
        geography (None | str | Unset): With `by=geography`: the place (None: the whole area).
    """

    strategy_id: None | UUID
    organization_id: UUID
    activities: list[CellActivity]
    geography: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        strategy_id: None | str
        if isinstance(self.strategy_id, UUID):
            strategy_id = str(self.strategy_id)
        else:
            strategy_id = self.strategy_id

        organization_id = str(self.organization_id)

        activities = []
        for activities_item_data in self.activities:
            activities_item = activities_item_data.to_dict()
            activities.append(activities_item)

        geography: None | str | Unset
        if isinstance(self.geography, Unset):
            geography = UNSET
        else:
            geography = self.geography

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "strategy_id": strategy_id,
                "organization_id": organization_id,
                "activities": activities,
            }
        )
        if geography is not UNSET:
            field_dict["geography"] = geography

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cell_activity import CellActivity  # noqa: PLC0415

        d = dict(src_dict)

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

        organization_id = UUID(d.pop("organization_id"))

        activities = []
        _activities = d.pop("activities")
        for activities_item_data in _activities:
            activities_item = CellActivity.from_dict(activities_item_data)

            activities.append(activities_item)

        def _parse_geography(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        geography = _parse_geography(d.pop("geography", UNSET))

        alignment_cell = cls(
            strategy_id=strategy_id,
            organization_id=organization_id,
            activities=activities,
            geography=geography,
        )

        return alignment_cell
