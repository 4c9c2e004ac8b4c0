from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.consistency_note_disaggregation import ConsistencyNoteDisaggregation
    from ..models.difference import Difference


T = TypeVar("T", bound="ConsistencyNote")


@_attrs_define
class ConsistencyNote:
    """A reported figure of a place and organization the import touched, whose groups
    reported beside it add up to something else.

        Attributes:
            note (str):
            differences (list[Difference]):
            indicator_id (UUID):
            period (str):
            geography (str):
            organization_id (None | UUID):
            disaggregation (ConsistencyNoteDisaggregation): The reported figure's cell.
    """

    note: str
    differences: list[Difference]
    indicator_id: UUID
    period: str
    geography: str
    organization_id: None | UUID
    disaggregation: ConsistencyNoteDisaggregation
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        note = self.note

        differences = []
        for differences_item_data in self.differences:
            differences_item = differences_item_data.to_dict()
            differences.append(differences_item)

        indicator_id = str(self.indicator_id)

        period = self.period

        geography = self.geography

        organization_id: None | str
        if isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        disaggregation = self.disaggregation.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "note": note,
                "differences": differences,
                "indicator_id": indicator_id,
                "period": period,
                "geography": geography,
                "organization_id": organization_id,
                "disaggregation": disaggregation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consistency_note_disaggregation import (
            ConsistencyNoteDisaggregation,  # noqa: PLC0415
        )
        from ..models.difference import Difference  # noqa: PLC0415

        d = dict(src_dict)
        note = d.pop("note")

        differences = []
        _differences = d.pop("differences")
        for differences_item_data in _differences:
            differences_item = Difference.from_dict(differences_item_data)

            differences.append(differences_item)

        indicator_id = UUID(d.pop("indicator_id"))

        period = d.pop("period")

        geography = d.pop("geography")

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

        disaggregation = ConsistencyNoteDisaggregation.from_dict(d.pop("disaggregation"))

        consistency_note = cls(
            note=note,
            differences=differences,
            indicator_id=indicator_id,
            period=period,
            geography=geography,
            organization_id=organization_id,
            disaggregation=disaggregation,
        )

        consistency_note.additional_properties = d
        return consistency_note

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
