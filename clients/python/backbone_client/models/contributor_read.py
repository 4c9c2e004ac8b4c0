from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contributor_role import ContributorRole

if TYPE_CHECKING:
    from ..models.money_read import MoneyRead


T = TypeVar("T", bound="ContributorRead")


@_attrs_define
class ContributorRead:
    """Read from the entity, or from its row, whose amount and currency are columns.

    Attributes:
        id (UUID):
        version (int): Increases on every change; the ETag is its quoted value.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        initiative_id (UUID):
        activity_id (UUID):
        organization_id (UUID):
        role (ContributorRole): IATI's participating-organization roles.
        money (MoneyRead | None):
        staff_hours (float | None):
        in_kind (str):
        description (str):
    """

    id: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    initiative_id: UUID
    activity_id: UUID
    organization_id: UUID
    role: ContributorRole
    money: MoneyRead | None
    staff_hours: float | None
    in_kind: str
    description: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money_read import MoneyRead  # noqa: PLC0415

        id = str(self.id)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        initiative_id = str(self.initiative_id)

        activity_id = str(self.activity_id)

        organization_id = str(self.organization_id)

        role = self.role.value

        money: dict[str, Any] | None
        if isinstance(self.money, MoneyRead):
            money = self.money.to_dict()
        else:
            money = self.money

        staff_hours: float | None
        staff_hours = self.staff_hours

        in_kind = self.in_kind

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "initiative_id": initiative_id,
                "activity_id": activity_id,
                "organization_id": organization_id,
                "role": role,
                "money": money,
                "staff_hours": staff_hours,
                "in_kind": in_kind,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_read import MoneyRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        initiative_id = UUID(d.pop("initiative_id"))

        activity_id = UUID(d.pop("activity_id"))

        organization_id = UUID(d.pop("organization_id"))

        role = ContributorRole(d.pop("role"))

        def _parse_money(data: object) -> MoneyRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                money_type_0 = MoneyRead.from_dict(data)

                return money_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoneyRead | None, data)

        money = _parse_money(d.pop("money"))

        def _parse_staff_hours(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        staff_hours = _parse_staff_hours(d.pop("staff_hours"))

        in_kind = d.pop("in_kind")

        description = d.pop("description")

        contributor_read = cls(
            id=id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            initiative_id=initiative_id,
            activity_id=activity_id,
            organization_id=organization_id,
            role=role,
            money=money,
            staff_hours=staff_hours,
            in_kind=in_kind,
            description=description,
        )

        contributor_read.additional_properties = d
        return contributor_read

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
