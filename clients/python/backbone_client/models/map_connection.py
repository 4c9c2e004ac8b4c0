from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MapConnection")


@_attrs_define
class MapConnection:
    """
    Attributes:
        id (str):
        from_ (str):
        to (str):
        type_ (str):
        direction (str | Unset):  Default: 'directed'.
    """

    id: str
    from_: str
    to: str
    type_: str
    direction: str | Unset = "directed"

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        from_ = self.from_

        to = self.to

        type_ = self.type_

        direction = self.direction

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "from": from_,
                "to": to,
                "type": type_,
            }
        )
        if direction is not UNSET:
            field_dict["direction"] = direction

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        from_ = d.pop("from")

        to = d.pop("to")

        type_ = d.pop("type")

        direction = d.pop("direction", UNSET)

        map_connection = cls(
            id=id,
            from_=from_,
            to=to,
            type_=type_,
            direction=direction,
        )

        return map_connection
