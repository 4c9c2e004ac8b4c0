from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="StrategyRow")


@_attrs_define
class StrategyRow:
    """
    Attributes:
        id (UUID):
        title (str):
        goal_id (UUID):
        goal_title (None | str):
    """

    id: UUID
    title: str
    goal_id: UUID
    goal_title: None | str

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        title = self.title

        goal_id = str(self.goal_id)

        goal_title: None | str
        goal_title = self.goal_title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "title": title,
                "goal_id": goal_id,
                "goal_title": goal_title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        title = d.pop("title")

        goal_id = UUID(d.pop("goal_id"))

        def _parse_goal_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        goal_title = _parse_goal_title(d.pop("goal_title"))

        strategy_row = cls(
            id=id,
            title=title,
            goal_id=goal_id,
            goal_title=goal_title,
        )

        return strategy_row
