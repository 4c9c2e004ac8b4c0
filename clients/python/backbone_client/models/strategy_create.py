from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StrategyCreate")


@_attrs_define
class StrategyCreate:
    """
    Attributes:
        title (str):
        description (str | Unset):  Default: ''.
        position (int | Unset):  Default: 0.
    """

    title: str
    description: str | Unset = ""
    position: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        description = self.description

        position = self.position

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        description = d.pop("description", UNSET)

        position = d.pop("position", UNSET)

        strategy_create = cls(
            title=title,
            description=description,
            position=position,
        )

        return strategy_create
