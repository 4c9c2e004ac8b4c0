from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stream_my_notifications_response_200_event import (
    StreamMyNotificationsResponse200Event,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamMyNotificationsResponse200")


@_attrs_define
class StreamMyNotificationsResponse200:
    """One event of the stream.

    Attributes:
        event (StreamMyNotificationsResponse200Event | Unset):
        id (str | Unset): The notification's `seq`.
        data (str | Unset): The notification (NotificationRead) as JSON.
        retry (int | Unset):
    """

    event: StreamMyNotificationsResponse200Event | Unset = UNSET
    id: str | Unset = UNSET
    data: str | Unset = UNSET
    retry: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event: str | Unset = UNSET
        if not isinstance(self.event, Unset):
            event = self.event.value

        id = self.id

        data = self.data

        retry = self.retry

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if event is not UNSET:
            field_dict["event"] = event
        if id is not UNSET:
            field_dict["id"] = id
        if data is not UNSET:
            field_dict["data"] = data
        if retry is not UNSET:
            field_dict["retry"] = retry

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _event = d.pop("event", UNSET)
        event: StreamMyNotificationsResponse200Event | Unset
        if isinstance(_event, Unset):
            event = UNSET
        else:
            event = StreamMyNotificationsResponse200Event(_event)

        id = d.pop("id", UNSET)

        data = d.pop("data", UNSET)

        retry = d.pop("retry", UNSET)

        stream_my_notifications_response_200 = cls(
            event=event,
            id=id,
            data=data,
            retry=retry,
        )

        stream_my_notifications_response_200.additional_properties = d
        return stream_my_notifications_response_200

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
