from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.observation_status import ObservationStatus

if TYPE_CHECKING:
    from ..models.observation_read_disaggregation import ObservationReadDisaggregation


T = TypeVar("T", bound="ObservationRead")


@_attrs_define
class ObservationRead:
    """
    Attributes:
        initiative_id (UUID):
        indicator_id (UUID):
        period (str):
        period_start (datetime.date):
        period_end (datetime.date):
        disaggregation (ObservationReadDisaggregation):
        geography (str):
        organization_id (None | UUID):
        value (float | None):
        numerator (float | None):
        denominator (float | None):
        status (ObservationStatus):
        id (UUID):
        version (int): Increases on every change; the ETag is its quoted value.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        source (str):
        comment (str):
        review_note (str):
        recorded_by (str):
        reviewed_by (None | str):
        reviewed_at (datetime.datetime | None):
    """

    initiative_id: UUID
    indicator_id: UUID
    period: str
    period_start: datetime.date
    period_end: datetime.date
    disaggregation: ObservationReadDisaggregation
    geography: str
    organization_id: None | UUID
    value: float | None
    numerator: float | None
    denominator: float | None
    status: ObservationStatus
    id: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    source: str
    comment: str
    review_note: str
    recorded_by: str
    reviewed_by: None | str
    reviewed_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        initiative_id = str(self.initiative_id)

        indicator_id = str(self.indicator_id)

        period = self.period

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        disaggregation = self.disaggregation.to_dict()

        geography = self.geography

        organization_id: None | str
        if isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        value: float | None
        value = self.value

        numerator: float | None
        numerator = self.numerator

        denominator: float | None
        denominator = self.denominator

        status = self.status.value

        id = str(self.id)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        source = self.source

        comment = self.comment

        review_note = self.review_note

        recorded_by = self.recorded_by

        reviewed_by: None | str
        reviewed_by = self.reviewed_by

        reviewed_at: None | str
        if isinstance(self.reviewed_at, datetime.datetime):
            reviewed_at = self.reviewed_at.isoformat()
        else:
            reviewed_at = self.reviewed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "initiative_id": initiative_id,
                "indicator_id": indicator_id,
                "period": period,
                "period_start": period_start,
                "period_end": period_end,
                "disaggregation": disaggregation,
                "geography": geography,
                "organization_id": organization_id,
                "value": value,
                "numerator": numerator,
                "denominator": denominator,
                "status": status,
                "id": id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "source": source,
                "comment": comment,
                "review_note": review_note,
                "recorded_by": recorded_by,
                "reviewed_by": reviewed_by,
                "reviewed_at": reviewed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.observation_read_disaggregation import (
            ObservationReadDisaggregation,  # noqa: PLC0415
        )

        d = dict(src_dict)
        initiative_id = UUID(d.pop("initiative_id"))

        indicator_id = UUID(d.pop("indicator_id"))

        period = d.pop("period")

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        disaggregation = ObservationReadDisaggregation.from_dict(d.pop("disaggregation"))

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

        status = ObservationStatus(d.pop("status"))

        id = UUID(d.pop("id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        source = d.pop("source")

        comment = d.pop("comment")

        review_note = d.pop("review_note")

        recorded_by = d.pop("recorded_by")

        def _parse_reviewed_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reviewed_by = _parse_reviewed_by(d.pop("reviewed_by"))

        def _parse_reviewed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reviewed_at_type_0 = datetime.datetime.fromisoformat(data)

                return reviewed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        reviewed_at = _parse_reviewed_at(d.pop("reviewed_at"))

        observation_read = cls(
            initiative_id=initiative_id,
            indicator_id=indicator_id,
            period=period,
            period_start=period_start,
            period_end=period_end,
            disaggregation=disaggregation,
            geography=geography,
            organization_id=organization_id,
            value=value,
            numerator=numerator,
            denominator=denominator,
            status=status,
            id=id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            source=source,
            comment=comment,
            review_note=review_note,
            recorded_by=recorded_by,
            reviewed_by=reviewed_by,
            reviewed_at=reviewed_at,
        )

        observation_read.additional_properties = d
        return observation_read

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
