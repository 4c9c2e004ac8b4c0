from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StrategyUpdate")


@_attrs_define
class StrategyUpdate:
    """
    Attributes:
        title (str | Unset):
        description (str | Unset):
        position (int | Unset):
    """

    title: str | Unset = UNSET
    description: str | Unset = UNSET
    position: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        description = self.description

        position = self.position

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        position = d.pop("position", UNSET)

        strategy_update = cls(
            title=title,
            description=description,
            position=position,
        )

        return strategy_update
