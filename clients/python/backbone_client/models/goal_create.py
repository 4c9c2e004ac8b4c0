from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.goal_status import GoalStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="GoalCreate")


@_attrs_define
class GoalCreate:
    """
    Attributes:
        title (str):
        description (str | Unset):  Default: ''.
        population (str | Unset): Who the population-level result is for. Default: ''.
        position (int | Unset):  Default: 0.
        status (GoalStatus | Unset):
    """

    title: str
    description: str | Unset = ""
    population: str | Unset = ""
    position: int | Unset = 0
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

        field_dict.update(
            {
                "title": title,
            }
        )
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
        title = d.pop("title")

        description = d.pop("description", UNSET)

        population = d.pop("population", UNSET)

        position = d.pop("position", UNSET)

        _status = d.pop("status", UNSET)
        status: GoalStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = GoalStatus(_status)

        goal_create = cls(
            title=title,
            description=description,
            population=population,
            position=position,
            status=status,
        )

        return goal_create
