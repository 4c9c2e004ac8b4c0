from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feed_audience import FeedAudience

T = TypeVar("T", bound="FeedEntryRead")


@_attrs_define
class FeedEntryRead:
    """One event of the initiative: who did what to which entity, and when.

    Attributes:
        event_id (UUID):
        service (str):
        type_ (str):
        subject (str): The id of the entity the event is about.
        actor (None | str): Who caused it: a token subject, or `service:<name>` for a service's own reaction.
        actor_org (None | str):
        occurred_at (datetime.datetime):
        audience (FeedAudience):
    """

    event_id: UUID
    service: str
    type_: str
    subject: str
    actor: None | str
    actor_org: None | str
    occurred_at: datetime.datetime
    audience: FeedAudience
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_id = str(self.event_id)

        service = self.service

        type_ = self.type_

        subject = self.subject

        actor: None | str
        actor = self.actor

        actor_org: None | str
        actor_org = self.actor_org

        occurred_at = self.occurred_at.isoformat()

        audience = self.audience.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_id": event_id,
                "service": service,
                "type": type_,
                "subject": subject,
                "actor": actor,
                "actor_org": actor_org,
                "occurred_at": occurred_at,
                "audience": audience,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_id = UUID(d.pop("event_id"))

        service = d.pop("service")

        type_ = d.pop("type")

        subject = d.pop("subject")

        def _parse_actor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor = _parse_actor(d.pop("actor"))

        def _parse_actor_org(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_org = _parse_actor_org(d.pop("actor_org"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        audience = FeedAudience(d.pop("audience"))

        feed_entry_read = cls(
            event_id=event_id,
            service=service,
            type_=type_,
            subject=subject,
            actor=actor,
            actor_org=actor_org,
            occurred_at=occurred_at,
            audience=audience,
        )

        feed_entry_read.additional_properties = d
        return feed_entry_read

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
