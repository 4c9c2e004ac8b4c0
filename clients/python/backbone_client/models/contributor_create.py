from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.contributor_role import ContributorRole
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="ContributorCreate")


@_attrs_define
class ContributorCreate:
    """
    Attributes:
        organization_id (UUID): An organization of the network's directory (a partner's own).
        role (ContributorRole): IATI's participating-organization roles.
        money (Money | None | Unset):
        staff_hours (float | None | Unset):
        in_kind (str | Unset): What it gives in kind (space, materials, volunteers...). Default: ''.
        description (str | Unset):  Default: ''.
    """

    organization_id: UUID
    role: ContributorRole
    money: Money | None | Unset = UNSET
    staff_hours: float | None | Unset = UNSET
    in_kind: str | Unset = ""
    description: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        organization_id = str(self.organization_id)

        role = self.role.value

        money: dict[str, Any] | None | Unset
        if isinstance(self.money, Unset):
            money = UNSET
        elif isinstance(self.money, Money):
            money = self.money.to_dict()
        else:
            money = self.money

        staff_hours: float | None | Unset
        if isinstance(self.staff_hours, Unset):
            staff_hours = UNSET
        else:
            staff_hours = self.staff_hours

        in_kind = self.in_kind

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "organization_id": organization_id,
                "role": role,
            }
        )
        if money is not UNSET:
            field_dict["money"] = money
        if staff_hours is not UNSET:
            field_dict["staff_hours"] = staff_hours
        if in_kind is not UNSET:
            field_dict["in_kind"] = in_kind
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        organization_id = UUID(d.pop("organization_id"))

        role = ContributorRole(d.pop("role"))

        def _parse_money(data: object) -> Money | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                money_type_0 = Money.from_dict(data)

                return money_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None | Unset, data)

        money = _parse_money(d.pop("money", UNSET))

        def _parse_staff_hours(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        staff_hours = _parse_staff_hours(d.pop("staff_hours", UNSET))

        in_kind = d.pop("in_kind", UNSET)

        description = d.pop("description", UNSET)

        contributor_create = cls(
            organization_id=organization_id,
            role=role,
            money=money,
            staff_hours=staff_hours,
            in_kind=in_kind,
            description=description,
        )

        return contributor_create
