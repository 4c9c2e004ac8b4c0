from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="QuietHours")


@_attrs_define
class QuietHours:
    """Emails due between ``start`` and ``end`` (local time) wait until ``end``; the inbox
    and the live stream are not held.

        Attributes:
            start (str): A local time of day, `HH:MM`.
            end (str): A local time of day, `HH:MM`.
            timezone (str | Unset):  Default: 'UTC'.
    """

    start: str
    end: str
    timezone: str | Unset = "UTC"

    def to_dict(self) -> dict[str, Any]:
        start = self.start

        end = self.end

        timezone = self.timezone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "start": start,
                "end": end,
            }
        )
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        start = d.pop("start")

        end = d.pop("end")

        timezone = d.pop("timezone", UNSET)

        quiet_hours = cls(
            start=start,
            end=end,
            timezone=timezone,
        )

        return quiet_hours
