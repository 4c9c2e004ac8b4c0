from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Channels")


@_attrs_define
class Channels:
    """
    Attributes:
        inbox (bool | Unset):  Default: True.
        email (bool | Unset):  Default: False.
    """

    inbox: bool | Unset = True
    email: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        inbox = self.inbox

        email = self.email

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if inbox is not UNSET:
            field_dict["inbox"] = inbox
        if email is not UNSET:
            field_dict["email"] = email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        inbox = d.pop("inbox", UNSET)

        email = d.pop("email", UNSET)

        channels = cls(
            inbox=inbox,
            email=email,
        )

        return channels
