from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="OverlapActivity")


@_attrs_define
class OverlapActivity:
    """
    Attributes:
        id (UUID):
        title (str):
        lead_organization_id (UUID):
        start_date (datetime.date | None):
        end_date (datetime.date | None):
    """

    id: UUID
    title: str
    lead_organization_id: UUID
    start_date: datetime.date | None
    end_date: datetime.date | None

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        title = self.title

        lead_organization_id = str(self.lead_organization_id)

        start_date: None | str
        if isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        end_date: None | str
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "title": title,
                "lead_organization_id": lead_organization_id,
                "start_date": start_date,
                "end_date": end_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        title = d.pop("title")

        lead_organization_id = UUID(d.pop("lead_organization_id"))

        def _parse_start_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        start_date = _parse_start_date(d.pop("start_date"))

        def _parse_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        end_date = _parse_end_date(d.pop("end_date"))

        overlap_activity = cls(
            id=id,
            title=title,
            lead_organization_id=lead_organization_id,
            start_date=start_date,
            end_date=end_date,
        )

        return overlap_activity
