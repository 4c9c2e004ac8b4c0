from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.overlap_read import OverlapRead


T = TypeVar("T", bound="OverlapsRead")


@_attrs_define
class OverlapsRead:
    """
    Attributes:
        initiative_id (UUID):
        as_of (datetime.date):
        overlaps (list[OverlapRead]):
    """

    initiative_id: UUID
    as_of: datetime.date
    overlaps: list[OverlapRead]

    def to_dict(self) -> dict[str, Any]:
        initiative_id = str(self.initiative_id)

        as_of = self.as_of.isoformat()

        overlaps = []
        for overlaps_item_data in self.overlaps:
            overlaps_item = overlaps_item_data.to_dict()
            overlaps.append(overlaps_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "initiative_id": initiative_id,
                "as_of": as_of,
                "overlaps": overlaps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.overlap_read import OverlapRead  # noqa: PLC0415

        d = dict(src_dict)
        initiative_id = UUID(d.pop("initiative_id"))

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        overlaps = []
        _overlaps = d.pop("overlaps")
        for overlaps_item_data in _overlaps:
            overlaps_item = OverlapRead.from_dict(overlaps_item_data)

            overlaps.append(overlaps_item)

        overlaps_read = cls(
            initiative_id=initiative_id,
            as_of=as_of,
            overlaps=overlaps,
        )

        return overlaps_read
