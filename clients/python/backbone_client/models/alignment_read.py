from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.alignment_by import AlignmentBy

if TYPE_CHECKING:
    from ..models.aligned_activity import AlignedActivity
    from ..models.alignment_cell import AlignmentCell
    from ..models.organization_column import OrganizationColumn
    from ..models.strategy_row import StrategyRow


T = TypeVar("T", bound="AlignmentRead")


@_attrs_define
class AlignmentRead:
    """
    Attributes:
        initiative_id (UUID):
        by (AlignmentBy | None):
        strategies (list[StrategyRow]):
        organizations (list[OrganizationColumn]):
        geographies (list[str] | None): With `by=geography`: the places of the cells.
        activities (list[AlignedActivity]): Each activity of the cells, once.
        cells (list[AlignmentCell]):
    """

    initiative_id: UUID
    by: AlignmentBy | None
    strategies: list[StrategyRow]
    organizations: list[OrganizationColumn]
    geographies: list[str] | None
    activities: list[AlignedActivity]
    cells: list[AlignmentCell]

    def to_dict(self) -> dict[str, Any]:
        initiative_id = str(self.initiative_id)

        by: None | str
        if isinstance(self.by, AlignmentBy):
            by = self.by.value
        else:
            by = self.by

        strategies = []
        for strategies_item_data in self.strategies:
            strategies_item = strategies_item_data.to_dict()
            strategies.append(strategies_item)

        organizations = []
        for organizations_item_data in self.organizations:
            organizations_item = organizations_item_data.to_dict()
            organizations.append(organizations_item)

        geographies: list[str] | None
        if isinstance(self.geographies, list):
            geographies = self.geographies

        else:
            geographies = self.geographies

        activities = []
        for activities_item_data in self.activities:
            activities_item = activities_item_data.to_dict()
            activities.append(activities_item)

        cells = []
        for cells_item_data in self.cells:
            cells_item = cells_item_data.to_dict()
            cells.append(cells_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "initiative_id": initiative_id,
                "by": by,
                "strategies": strategies,
                "organizations": organizations,
                "geographies": geographies,
                "activities": activities,
                "cells": cells,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aligned_activity import AlignedActivity  # noqa: PLC0415
        from ..models.alignment_cell import AlignmentCell  # noqa: PLC0415
        from ..models.organization_column import OrganizationColumn  # noqa: PLC0415
        from ..models.strategy_row import StrategyRow  # noqa: PLC0415

        d = dict(src_dict)
        initiative_id = UUID(d.pop("initiative_id"))

        def _parse_by(data: object) -> AlignmentBy | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                by_type_0 = AlignmentBy(data)

                return by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AlignmentBy | None, data)

        by = _parse_by(d.pop("by"))

        strategies = []
        _strategies = d.pop("strategies")
        for strategies_item_data in _strategies:
            strategies_item = StrategyRow.from_dict(strategies_item_data)

            strategies.append(strategies_item)

        organizations = []
        _organizations = d.pop("organizations")
        for organizations_item_data in _organizations:
            organizations_item = OrganizationColumn.from_dict(organizations_item_data)

            organizations.append(organizations_item)

        def _parse_geographies(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                geographies_type_0 = cast(list[str], data)

                return geographies_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        geographies = _parse_geographies(d.pop("geographies"))

        activities = []
        _activities = d.pop("activities")
        for activities_item_data in _activities:
            activities_item = AlignedActivity.from_dict(activities_item_data)

            activities.append(activities_item)

        cells = []
        _cells = d.pop("cells")
        for cells_item_data in _cells:
            cells_item = AlignmentCell.from_dict(cells_item_data)

            cells.append(cells_item)

        alignment_read = cls(
            initiative_id=initiative_id,
            by=by,
            strategies=strategies,
            organizations=organizations,
            geographies=geographies,
            activities=activities,
            cells=cells,
        )

        return alignment_read
