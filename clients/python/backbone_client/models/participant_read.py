from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.participant_kind import ParticipantKind
from ..models.participant_role import ParticipantRole

T = TypeVar("T", bound="ParticipantRead")


@_attrs_define
class ParticipantRead:
    """
    Attributes:
        id (UUID):
        version (int): Increases on every change; the ETag is its quoted value.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        initiative_id (UUID):
        kind (ParticipantKind):
        organization_id (None | UUID):
        display_name (str):
        roles (list[ParticipantRole]):
        joined_on (datetime.date | None):
        left_on (datetime.date | None):
        commitment_statement (str):
    """

    id: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    initiative_id: UUID
    kind: ParticipantKind
    organization_id: None | UUID
    display_name: str
    roles: list[ParticipantRole]
    joined_on: datetime.date | None
    left_on: datetime.date | None
    commitment_statement: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        initiative_id = str(self.initiative_id)

        kind = self.kind.value

        organization_id: None | str
        if isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        display_name = self.display_name

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        joined_on: None | str
        if isinstance(self.joined_on, datetime.date):
            joined_on = self.joined_on.isoformat()
        else:
            joined_on = self.joined_on

        left_on: None | str
        if isinstance(self.left_on, datetime.date):
            left_on = self.left_on.isoformat()
        else:
            left_on = self.left_on

        commitment_statement = self.commitment_statement

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "initiative_id": initiative_id,
                "kind": kind,
                "organization_id": organization_id,
                "display_name": display_name,
                "roles": roles,
                "joined_on": joined_on,
                "left_on": left_on,
                "commitment_statement": commitment_statement,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        initiative_id = UUID(d.pop("initiative_id"))

        kind = ParticipantKind(d.pop("kind"))

        def _parse_organization_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organization_id_type_0 = UUID(data)

                return organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        organization_id = _parse_organization_id(d.pop("organization_id"))

        display_name = d.pop("display_name")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = ParticipantRole(roles_item_data)

            roles.append(roles_item)

        def _parse_joined_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                joined_on_type_0 = datetime.date.fromisoformat(data)

                return joined_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        joined_on = _parse_joined_on(d.pop("joined_on"))

        def _parse_left_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                left_on_type_0 = datetime.date.fromisoformat(data)

                return left_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        left_on = _parse_left_on(d.pop("left_on"))

        commitment_statement = d.pop("commitment_statement")

        participant_read = cls(
            id=id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            initiative_id=initiative_id,
            kind=kind,
            organization_id=organization_id,
            display_name=display_name,
            roles=roles,
            joined_on=joined_on,
            left_on=left_on,
            commitment_statement=commitment_statement,
        )

        participant_read.additional_properties = d
        return participant_read

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
