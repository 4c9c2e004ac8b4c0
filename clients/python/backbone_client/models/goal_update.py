from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.goal_status import GoalStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="GoalUpdate")


@_attrs_define
class GoalUpdate:
    """
    Attributes:
        title (str | Unset):
        description (str | Unset):
        population (str | Unset):
        position (int | Unset):
        status (GoalStatus | Unset):
    """

    title: str | Unset = UNSET
    description: str | Unset = UNSET
    population: str | Unset = UNSET
    position: int | Unset = UNSET
    status: GoalStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        description = self.description

        population = self.population

        position = self.position

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if population is not UNSET:
            field_dict["population"] = population
        if position is not UNSET:
            field_dict["position"] = position
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        population = d.pop("population", UNSET)

        position = d.pop("position", UNSET)

        _status = d.pop("status", UNSET)
        status: GoalStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = GoalStatus(_status)

        goal_update = cls(
            title=title,
            description=description,
            population=population,
            position=position,
            status=status,
        )

        return goal_update
