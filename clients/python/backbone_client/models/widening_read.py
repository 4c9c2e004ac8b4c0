from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="WideningRead")


@_attrs_define
class WideningRead:
    """
    Attributes:
        dimension (str):
        group (str):
        reference_group (str):
        first_period (str):
        last_period (str):
        first_gap (float):
        last_gap (float):
    """

    dimension: str
    group: str
    reference_group: str
    first_period: str
    last_period: str
    first_gap: float
    last_gap: float

    def to_dict(self) -> dict[str, Any]:
        dimension = self.dimension

        group = self.group

        reference_group = self.reference_group

        first_period = self.first_period

        last_period = self.last_period

        first_gap = self.first_gap

        last_gap = self.last_gap

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "dimension": dimension,
                "group": group,
                "reference_group": reference_group,
                "first_period": first_period,
                "last_period": last_period,
                "first_gap": first_gap,
                "last_gap": last_gap,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dimension = d.pop("dimension")

        group = d.pop("group")

        reference_group = d.pop("reference_group")

        first_period = d.pop("first_period")

        last_period = d.pop("last_period")

        first_gap = d.pop("first_gap")

        last_gap = d.pop("last_gap")

        widening_read = cls(
            dimension=dimension,
            group=group,
            reference_group=reference_group,
            first_period=first_period,
            last_period=last_period,
            first_gap=first_gap,
            last_gap=last_gap,
        )

        return widening_read
