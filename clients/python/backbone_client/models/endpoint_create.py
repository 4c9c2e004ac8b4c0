from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EndpointCreate")


@_attrs_define
class EndpointCreate:
    """
    Attributes:
        url (str):
        description (str | Unset):  Default: ''.
        event_types (list[str] | Unset): Exact event types, or prefixes ending in `.*` (`org.backbone.measurement.*`);
            `*` is every event.
        initiative_id (None | Unset | UUID): Only this initiative's events, managed by its backbone staff; absent: the
            whole network's, managed by network admins.
        enabled (bool | Unset):  Default: True.
        contact_email (None | str | Unset): Told when the endpoint is disabled or a delivery is given up.
        rate_limit (int | None | Unset): At most this many delivery attempts per second (across replicas); none: as fast
            as the endpoint answers.
    """

    url: str
    description: str | Unset = ""
    event_types: list[str] | Unset = UNSET
    initiative_id: None | Unset | UUID = UNSET
    enabled: bool | Unset = True
    contact_email: None | str | Unset = UNSET
    rate_limit: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        description = self.description

        event_types: list[str] | Unset = UNSET
        if not isinstance(self.event_types, Unset):
            event_types = self.event_types

        initiative_id: None | str | Unset
        if isinstance(self.initiative_id, Unset):
            initiative_id = UNSET
        elif isinstance(self.initiative_id, UUID):
            initiative_id = str(self.initiative_id)
        else:
            initiative_id = self.initiative_id

        enabled = self.enabled

        contact_email: None | str | Unset
        if isinstance(self.contact_email, Unset):
            contact_email = UNSET
        else:
            contact_email = self.contact_email

        rate_limit: int | None | Unset
        if isinstance(self.rate_limit, Unset):
            rate_limit = UNSET
        else:
            rate_limit = self.rate_limit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if event_types is not UNSET:
            field_dict["event_types"] = event_types
        if initiative_id is not UNSET:
            field_dict["initiative_id"] = initiative_id
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email
        if rate_limit is not UNSET:
            field_dict["rate_limit"] = rate_limit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        description = d.pop("description", UNSET)

        event_types = cast(list[str], d.pop("event_types", UNSET))

        def _parse_initiative_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                initiative_id_type_0 = UUID(data)

                return initiative_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        initiative_id = _parse_initiative_id(d.pop("initiative_id", UNSET))

        enabled = d.pop("enabled", UNSET)

        def _parse_contact_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_email = _parse_contact_email(d.pop("contact_email", UNSET))

        def _parse_rate_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rate_limit = _parse_rate_limit(d.pop("rate_limit", UNSET))

        endpoint_create = cls(
            url=url,
            description=description,
            event_types=event_types,
            initiative_id=initiative_id,
            enabled=enabled,
            contact_email=contact_email,
            rate_limit=rate_limit,
        )

        return endpoint_create
