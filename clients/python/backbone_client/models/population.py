from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Population")


@_attrs_define
class Population:
    """A group served: an option of one of the initiative's measurement dimensions.

    Attributes:
        dimension (str): Lower-case letters, digits, '_' and '-'.
        option (str): Lower-case letters, digits, '_' and '-'.
    """

    dimension: str
    option: str

    def to_dict(self) -> dict[str, Any]:
        dimension = self.dimension

        option = self.option

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "dimension": dimension,
                "option": option,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dimension = d.pop("dimension")

        option = d.pop("option")

        population = cls(
            dimension=dimension,
            option=option,
        )

        return population
