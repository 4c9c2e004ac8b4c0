from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.goal_status import GoalStatus

if TYPE_CHECKING:
    from ..models.agenda_strategy import AgendaStrategy


T = TypeVar("T", bound="AgendaGoal")


@_attrs_define
class AgendaGoal:
    """
    Attributes:
        id (UUID):
        title (str):
        description (str):
        population (str):
        status (GoalStatus):
        strategies (list[AgendaStrategy]):
    """

    id: UUID
    title: str
    description: str
    population: str
    status: GoalStatus
    strategies: list[AgendaStrategy]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        title = self.title

        description = self.description

        population = self.population

        status = self.status.value

        strategies = []
        for strategies_item_data in self.strategies:
            strategies_item = strategies_item_data.to_dict()
            strategies.append(strategies_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "description": description,
                "population": population,
                "status": status,
                "strategies": strategies,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agenda_strategy import AgendaStrategy  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        title = d.pop("title")

        description = d.pop("description")

        population = d.pop("population")

        status = GoalStatus(d.pop("status"))

        strategies = []
        _strategies = d.pop("strategies")
        for strategies_item_data in _strategies:
            strategies_item = AgendaStrategy.from_dict(strategies_item_data)

            strategies.append(strategies_item)

        agenda_goal = cls(
            id=id,
            title=title,
            description=description,
            population=population,
            status=status,
            strategies=strategies,
        )

        agenda_goal.additional_properties = d
        return agenda_goal

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
