from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.agenda_goal import AgendaGoal


T = TypeVar("T", bound="AgendaDocument")


@_attrs_define
class AgendaDocument:
    """The common agenda as one document: problem, vision, goals and their strategies.

    Attributes:
        initiative_id (UUID):
        name (str):
        problem_statement (str):
        vision (str):
        goals (list[AgendaGoal]):
    """

    initiative_id: UUID
    name: str
    problem_statement: str
    vision: str
    goals: list[AgendaGoal]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        initiative_id = str(self.initiative_id)

        name = self.name

        problem_statement = self.problem_statement

        vision = self.vision

        goals = []
        for goals_item_data in self.goals:
            goals_item = goals_item_data.to_dict()
            goals.append(goals_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "initiative_id": initiative_id,
                "name": name,
                "problem_statement": problem_statement,
                "vision": vision,
                "goals": goals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agenda_goal import AgendaGoal  # noqa: PLC0415

        d = dict(src_dict)
        initiative_id = UUID(d.pop("initiative_id"))

        name = d.pop("name")

        problem_statement = d.pop("problem_statement")

        vision = d.pop("vision")

        goals = []
        _goals = d.pop("goals")
        for goals_item_data in _goals:
            goals_item = AgendaGoal.from_dict(goals_item_data)

            goals.append(goals_item)

        agenda_document = cls(
            initiative_id=initiative_id,
            name=name,
            problem_statement=problem_statement,
            vision=vision,
            goals=goals,
        )

        agenda_document.additional_properties = d
        return agenda_document

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
