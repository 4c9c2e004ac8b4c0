from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.money_read import MoneyRead


T = TypeVar("T", bound="Resources")


@_attrs_define
class Resources:
    """
    Attributes:
        money (list[MoneyRead]): Summed per currency.
        staff_hours (float | None):
        in_kind (list[str]):
    """

    money: list[MoneyRead]
    staff_hours: float | None
    in_kind: list[str]

    def to_dict(self) -> dict[str, Any]:
        money = []
        for money_item_data in self.money:
            money_item = money_item_data.to_dict()
            money.append(money_item)

        staff_hours: float | None
        staff_hours = self.staff_hours

        in_kind = self.in_kind

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "money": money,
                "staff_hours": staff_hours,
                "in_kind": in_kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_read import MoneyRead  # noqa: PLC0415

        d = dict(src_dict)
        money = []
        _money = d.pop("money")
        for money_item_data in _money:
            money_item = MoneyRead.from_dict(money_item_data)

            money.append(money_item)

        def _parse_staff_hours(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        staff_hours = _parse_staff_hours(d.pop("staff_hours"))

        in_kind = cast(list[str], d.pop("in_kind"))

        resources = cls(
            money=money,
            staff_hours=staff_hours,
            in_kind=in_kind,
        )

        return resources
