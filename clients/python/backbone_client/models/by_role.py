from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

from ..models.participant_role import ParticipantRole

T = TypeVar("T", bound="ByRole")


@_attrs_define
class ByRole:
    """
    Attributes:
        kind (Literal['role']):
        role (ParticipantRole):
    """

    kind: Literal["role"]
    role: ParticipantRole

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        role = self.role.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["role"], d.pop("kind"))
        if kind != "role":
            raise ValueError(f"kind must match const 'role', got '{kind}'")

        role = ParticipantRole(d.pop("role"))

        by_role = cls(
            kind=kind,
            role=role,
        )

        return by_role
