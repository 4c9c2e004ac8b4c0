from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.gap_read import GapRead
    from ..models.gaps_read_counts import GapsReadCounts


T = TypeVar("T", bound="GapsRead")


@_attrs_define
class GapsRead:
    """
    Attributes:
        initiative_id (UUID):
        as_of (datetime.date):
        counts (GapsReadCounts):
        gaps (list[GapRead]):
    """

    initiative_id: UUID
    as_of: datetime.date
    counts: GapsReadCounts
    gaps: list[GapRead]

    def to_dict(self) -> dict[str, Any]:
        initiative_id = str(self.initiative_id)

        as_of = self.as_of.isoformat()

        counts = self.counts.to_dict()

        gaps = []
        for gaps_item_data in self.gaps:
            gaps_item = gaps_item_data.to_dict()
            gaps.append(gaps_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "initiative_id": initiative_id,
                "as_of": as_of,
                "counts": counts,
                "gaps": gaps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gap_read import GapRead  # noqa: PLC0415
        from ..models.gaps_read_counts import GapsReadCounts  # noqa: PLC0415

        d = dict(src_dict)
        initiative_id = UUID(d.pop("initiative_id"))

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        counts = GapsReadCounts.from_dict(d.pop("counts"))

        gaps = []
        _gaps = d.pop("gaps")
        for gaps_item_data in _gaps:
            gaps_item = GapRead.from_dict(gaps_item_data)

            gaps.append(gaps_item)

        gaps_read = cls(
            initiative_id=initiative_id,
            as_of=as_of,
            counts=counts,
            gaps=gaps,
        )

        return gaps_read
