from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

T = TypeVar("T", bound="Everyone")


@_attrs_define
class Everyone:
    """
    Attributes:
        kind (Literal['everyone']):
    """

    kind: Literal["everyone"]

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["everyone"], d.pop("kind"))
        if kind != "everyone":
            raise ValueError(f"kind must match const 'everyone', got '{kind}'")

        everyone = cls(
            kind=kind,
        )

        return everyone
