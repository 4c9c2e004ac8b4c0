from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.difference_figure import DifferenceFigure

T = TypeVar("T", bound="Difference")


@_attrs_define
class Difference:
    """
    Attributes:
        figure (DifferenceFigure):
        reported (float):
        derived (float): The sum of the nearest breakdown reported in the same places by the same organizations.
    """

    figure: DifferenceFigure
    reported: float
    derived: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        figure = self.figure.value

        reported = self.reported

        derived = self.derived

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "figure": figure,
                "reported": reported,
                "derived": derived,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        figure = DifferenceFigure(d.pop("figure"))

        reported = d.pop("reported")

        derived = d.pop("derived")

        difference = cls(
            figure=figure,
            reported=reported,
            derived=derived,
        )

        difference.additional_properties = d
        return difference

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
