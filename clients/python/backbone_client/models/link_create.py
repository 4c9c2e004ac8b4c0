from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.link_kind import LinkKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="LinkCreate")


@_attrs_define
class LinkCreate:
    """
    Attributes:
        to_activity_id (UUID): Another activity of the same initiative.
        kind (LinkKind):
        note (str | Unset):  Default: ''.
    """

    to_activity_id: UUID
    kind: LinkKind
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        to_activity_id = str(self.to_activity_id)

        kind = self.kind.value

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "to_activity_id": to_activity_id,
                "kind": kind,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to_activity_id = UUID(d.pop("to_activity_id"))

        kind = LinkKind(d.pop("kind"))

        note = d.pop("note", UNSET)

        link_create = cls(
            to_activity_id=to_activity_id,
            kind=kind,
            note=note,
        )

        return link_create
