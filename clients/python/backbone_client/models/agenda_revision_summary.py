from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AgendaRevisionSummary")


@_attrs_define
class AgendaRevisionSummary:
    """
    Attributes:
        number (int):
        change (str):
        changed_by (str):
        created_at (datetime.datetime):
    """

    number: int
    change: str
    changed_by: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        change = self.change

        changed_by = self.changed_by

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "change": change,
                "changed_by": changed_by,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        change = d.pop("change")

        changed_by = d.pop("changed_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        agenda_revision_summary = cls(
            number=number,
            change=change,
            changed_by=changed_by,
            created_at=created_at,
        )

        agenda_revision_summary.additional_properties = d
        return agenda_revision_summary

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
