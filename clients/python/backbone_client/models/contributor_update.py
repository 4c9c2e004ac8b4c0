from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="ContributorUpdate")


@_attrs_define
class ContributorUpdate:
    """
    Attributes:
        money (Money | None | Unset):
        staff_hours (float | None | Unset):
        in_kind (str | Unset):
        description (str | Unset):
    """

    money: Money | None | Unset = UNSET
    staff_hours: float | None | Unset = UNSET
    in_kind: str | Unset = UNSET
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

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

        field_dict.update({})
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

        contributor_update = cls(
            money=money,
            staff_hours=staff_hours,
            in_kind=in_kind,
            description=description,
        )

        return contributor_update
