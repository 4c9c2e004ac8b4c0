from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Votes")


@_attrs_define
class Votes:
    """
    Attributes:
        in_favour (int | Unset):  Default: 0.
        against (int | Unset):  Default: 0.
        abstained (int | Unset):  Default: 0.
    """

    in_favour: int | Unset = 0
    against: int | Unset = 0
    abstained: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        in_favour = self.in_favour

        against = self.against

        abstained = self.abstained

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if in_favour is not UNSET:
            field_dict["in_favour"] = in_favour
        if against is not UNSET:
            field_dict["against"] = against
        if abstained is not UNSET:
            field_dict["abstained"] = abstained

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        in_favour = d.pop("in_favour", UNSET)

        against = d.pop("against", UNSET)

        abstained = d.pop("abstained", UNSET)

        votes = cls(
            in_favour=in_favour,
            against=against,
            abstained=abstained,
        )

        return votes
