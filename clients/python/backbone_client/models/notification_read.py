from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.category import Category

T = TypeVar("T", bound="NotificationRead")


@_attrs_define
class NotificationRead:
    """
    Attributes:
        id (UUID):
        seq (int): Orders the caller's notifications; the stream's event id.
        initiative_id (None | UUID):
        category (Category): What a notification is about; preferences are set per category.
        event_id (UUID): The event the notification was made from.
        event_type (str):
        subject (str): The id of the entity the event is about.
        title (str):
        body (str):
        created_at (datetime.datetime):
        read_at (datetime.datetime | None):
    """

    id: UUID
    seq: int
    initiative_id: None | UUID
    category: Category
    event_id: UUID
    event_type: str
    subject: str
    title: str
    body: str
    created_at: datetime.datetime
    read_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        seq = self.seq

        initiative_id: None | str
        if isinstance(self.initiative_id, UUID):
            initiative_id = str(self.initiative_id)
        else:
            initiative_id = self.initiative_id

        category = self.category.value

        event_id = str(self.event_id)

        event_type = self.event_type

        subject = self.subject

        title = self.title

        body = self.body

        created_at = self.created_at.isoformat()

        read_at: None | str
        if isinstance(self.read_at, datetime.datetime):
            read_at = self.read_at.isoformat()
        else:
            read_at = self.read_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "seq": seq,
                "initiative_id": initiative_id,
                "category": category,
                "event_id": event_id,
                "event_type": event_type,
                "subject": subject,
                "title": title,
                "body": body,
                "created_at": created_at,
                "read_at": read_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        seq = d.pop("seq")

        def _parse_initiative_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                initiative_id_type_0 = UUID(data)

                return initiative_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        initiative_id = _parse_initiative_id(d.pop("initiative_id"))

        category = Category(d.pop("category"))

        event_id = UUID(d.pop("event_id"))

        event_type = d.pop("event_type")

        subject = d.pop("subject")

        title = d.pop("title")

        body = d.pop("body")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_read_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                read_at_type_0 = datetime.datetime.fromisoformat(data)

                return read_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        read_at = _parse_read_at(d.pop("read_at"))

        notification_read = cls(
            id=id,
            seq=seq,
            initiative_id=initiative_id,
            category=category,
            event_id=event_id,
            event_type=event_type,
            subject=subject,
            title=title,
            body=body,
            created_at=created_at,
            read_at=read_at,
        )

        notification_read.additional_properties = d
        return notification_read

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
