from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.participant_role import ParticipantRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="ParticipantUpdate")


@_attrs_define
class ParticipantUpdate:
    """
    Attributes:
        display_name (str | Unset):
        roles (list[ParticipantRole] | Unset):
        joined_on (datetime.date | None | Unset):
        left_on (datetime.date | None | Unset):
        commitment_statement (str | Unset):
    """

    display_name: str | Unset = UNSET
    roles: list[ParticipantRole] | Unset = UNSET
    joined_on: datetime.date | None | Unset = UNSET
    left_on: datetime.date | None | Unset = UNSET
    commitment_statement: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = []
            for roles_item_data in self.roles:
                roles_item = roles_item_data.value
                roles.append(roles_item)

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

        field_dict.update({})
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if roles is not UNSET:
            field_dict["roles"] = roles
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
        display_name = d.pop("display_name", UNSET)

        _roles = d.pop("roles", UNSET)
        roles: list[ParticipantRole] | Unset = UNSET
        if _roles is not UNSET:
            roles = []
            for roles_item_data in _roles:
                roles_item = ParticipantRole(roles_item_data)

                roles.append(roles_item)

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

        participant_update = cls(
            display_name=display_name,
            roles=roles,
            joined_on=joined_on,
            left_on=left_on,
            commitment_statement=commitment_statement,
        )

        return participant_update
