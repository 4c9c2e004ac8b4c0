from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.participant_kind import ParticipantKind
from ..models.participant_role import ParticipantRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="ParticipantCreate")


@_attrs_define
class ParticipantCreate:
    """
    Attributes:
        kind (ParticipantKind):
        roles (list[ParticipantRole]):
        organization_id (None | Unset | UUID): Required for organizations, absent for community members.
        display_name (None | str | Unset): Name shown for a community member (defaults to the organization's).
        joined_on (datetime.date | None | Unset):
        left_on (datetime.date | None | Unset):
        commitment_statement (str | Unset):  Default: ''.
    """

    kind: ParticipantKind
    roles: list[ParticipantRole]
    organization_id: None | Unset | UUID = UNSET
    display_name: None | str | Unset = UNSET
    joined_on: datetime.date | None | Unset = UNSET
    left_on: datetime.date | None | Unset = UNSET
    commitment_statement: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        organization_id: None | str | Unset
        if isinstance(self.organization_id, Unset):
            organization_id = UNSET
        elif isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        joined_on: None | str | Unset
        if isinstance(self.joined_on, Unset):
            joined_on = UNSET
        elif isinstance(self.joined_on, datetime.date):
            joined_on = self.joined_on.isoformat()
        else:
            joined_on = self.joined_on

        left_on: None | str | Unset
        if isinstance(self.left_on, Unset):
            left_on = UNSET
        elif isinstance(self.left_on, datetime.date):
            left_on = self.left_on.isoformat()
        else:
            left_on = self.left_on

        commitment_statement = self.commitment_statement

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "roles": roles,
            }
        )
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if joined_on is not UNSET:
            field_dict["joined_on"] = joined_on
        if left_on is not UNSET:
            field_dict["left_on"] = left_on
        if commitment_statement is not UNSET:
            field_dict["commitment_statement"] = commitment_statement

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = ParticipantKind(d.pop("kind"))

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = ParticipantRole(roles_item_data)

            roles.append(roles_item)

        def _parse_organization_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organization_id_type_0 = UUID(data)

                return organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        organization_id = _parse_organization_id(d.pop("organization_id", UNSET))

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        def _parse_joined_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                joined_on_type_0 = datetime.date.fromisoformat(data)

                return joined_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        joined_on = _parse_joined_on(d.pop("joined_on", UNSET))

        def _parse_left_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                left_on_type_0 = datetime.date.fromisoformat(data)

                return left_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        left_on = _parse_left_on(d.pop("left_on", UNSET))

        commitment_statement = d.pop("commitment_statement", UNSET)

        participant_create = cls(
            kind=kind,
            roles=roles,
            organization_id=organization_id,
            display_name=display_name,
            joined_on=joined_on,
            left_on=left_on,
            commitment_statement=commitment_statement,
        )

        return participant_create
