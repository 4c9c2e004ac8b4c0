from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.agenda_document import AgendaDocument


T = TypeVar("T", bound="AgendaRevisionRead")


@_attrs_define
class AgendaRevisionRead:
    """
    Attributes:
        number (int):
        change (str): What changed, e.g. `goal.created`.
        changed_by (str):
        created_at (datetime.datetime):
        document (AgendaDocument): The common agenda as one document: problem, vision, goals and their strategies.
    """

    number: int
    change: str
    changed_by: str
    created_at: datetime.datetime
    document: AgendaDocument
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        change = self.change

        changed_by = self.changed_by

        created_at = self.created_at.isoformat()

        document = self.document.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "change": change,
                "changed_by": changed_by,
                "created_at": created_at,
                "document": document,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agenda_document import AgendaDocument  # noqa: PLC0415

        d = dict(src_dict)
        number = d.pop("number")

        change = d.pop("change")

        changed_by = d.pop("changed_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        document = AgendaDocument.from_dict(d.pop("document"))

        agenda_revision_read = cls(
            number=number,
            change=change,
            changed_by=changed_by,
            created_at=created_at,
            document=document,
        )

        agenda_revision_read.additional_properties = d
        return agenda_revision_read

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
