from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.target_read_disaggregation import TargetReadDisaggregation


T = TypeVar("T", bound="TargetRead")


@_attrs_define
class TargetRead:
    """
    Attributes:
        period (str):
        period_start (datetime.date):
        period_end (datetime.date):
        value (float):
        disaggregation (TargetReadDisaggregation):
        organization_id (None | UUID):
    """

    period: str
    period_start: datetime.date
    period_end: datetime.date
    value: float
    disaggregation: TargetReadDisaggregation
    organization_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        value = self.value

        disaggregation = self.disaggregation.to_dict()

        organization_id: None | str
        if isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "period_start": period_start,
                "period_end": period_end,
                "value": value,
                "disaggregation": disaggregation,
                "organization_id": organization_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.target_read_disaggregation import TargetReadDisaggregation  # noqa: PLC0415

        d = dict(src_dict)
        period = d.pop("period")

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        value = d.pop("value")

        disaggregation = TargetReadDisaggregation.from_dict(d.pop("disaggregation"))

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

        target_read = cls(
            period=period,
            period_start=period_start,
            period_end=period_end,
            value=value,
            disaggregation=disaggregation,
            organization_id=organization_id,
        )

        target_read.additional_properties = d
        return target_read

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
