from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.observation_status import ObservationStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="HistoryEntry")


@_attrs_define
class HistoryEntry:
    """
    Attributes:
        version (int):
        change (str):
        value (float | None):
        numerator (float | None):
        denominator (float | None):
        source (str):
        comment (str):
        status (ObservationStatus):
        note (str):
        changed_by (str):
        changed_at (datetime.datetime):
        previous_value (float | None | Unset):
        previous_numerator (float | None | Unset):
        previous_denominator (float | None | Unset):
    """

    version: int
    change: str
    value: float | None
    numerator: float | None
    denominator: float | None
    source: str
    comment: str
    status: ObservationStatus
    note: str
    changed_by: str
    changed_at: datetime.datetime
    previous_value: float | None | Unset = UNSET
    previous_numerator: float | None | Unset = UNSET
    previous_denominator: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        change = self.change

        value: float | None
        value = self.value

        numerator: float | None
        numerator = self.numerator

        denominator: float | None
        denominator = self.denominator

        source = self.source

        comment = self.comment

        status = self.status.value

        note = self.note

        changed_by = self.changed_by

        changed_at = self.changed_at.isoformat()

        previous_value: float | None | Unset
        if isinstance(self.previous_value, Unset):
            previous_value = UNSET
        else:
            previous_value = self.previous_value

        previous_numerator: float | None | Unset
        if isinstance(self.previous_numerator, Unset):
            previous_numerator = UNSET
        else:
            previous_numerator = self.previous_numerator

        previous_denominator: float | None | Unset
        if isinstance(self.previous_denominator, Unset):
            previous_denominator = UNSET
        else:
            previous_denominator = self.previous_denominator

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "change": change,
                "value": value,
                "numerator": numerator,
                "denominator": denominator,
                "source": source,
                "comment": comment,
                "status": status,
                "note": note,
                "changed_by": changed_by,
                "changed_at": changed_at,
            }
        )
        if previous_value is not UNSET:
            field_dict["previous_value"] = previous_value
        if previous_numerator is not UNSET:
            field_dict["previous_numerator"] = previous_numerator
        if previous_denominator is not UNSET:
            field_dict["previous_denominator"] = previous_denominator

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        change = d.pop("change")

        def _parse_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        value = _parse_value(d.pop("value"))

        def _parse_numerator(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        numerator = _parse_numerator(d.pop("numerator"))

        def _parse_denominator(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        denominator = _parse_denominator(d.pop("denominator"))

        source = d.pop("source")

        comment = d.pop("comment")

        status = ObservationStatus(d.pop("status"))

        note = d.pop("note")

        changed_by = d.pop("changed_by")

        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))

        def _parse_previous_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        previous_value = _parse_previous_value(d.pop("previous_value", UNSET))

        def _parse_previous_numerator(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        previous_numerator = _parse_previous_numerator(d.pop("previous_numerator", UNSET))

        def _parse_previous_denominator(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        previous_denominator = _parse_previous_denominator(d.pop("previous_denominator", UNSET))

        history_entry = cls(
            version=version,
            change=change,
            value=value,
            numerator=numerator,
            denominator=denominator,
            source=source,
            comment=comment,
            status=status,
            note=note,
            changed_by=changed_by,
            changed_at=changed_at,
            previous_value=previous_value,
            previous_numerator=previous_numerator,
            previous_denominator=previous_denominator,
        )

        history_entry.additional_properties = d
        return history_entry

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
