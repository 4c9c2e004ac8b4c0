from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.target_in_disaggregation import TargetInDisaggregation


T = TypeVar("T", bound="TargetIn")


@_attrs_define
class TargetIn:
    """
    Attributes:
        period (str): 2026, FY2026, 2026S1, 2026Q1, 2026-03, 2026W05 or 2026-03-15.
        value (float):
        disaggregation (TargetInDisaggregation | Unset): Dimension code -> option code; empty for the total.
        organization_id (None | Unset | UUID): For a partner's own target.
    """

    period: str
    value: float
    disaggregation: TargetInDisaggregation | Unset = UNSET
    organization_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        value = self.value

        disaggregation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.disaggregation, Unset):
            disaggregation = self.disaggregation.to_dict()

        organization_id: None | str | Unset
        if isinstance(self.organization_id, Unset):
            organization_id = UNSET
        elif isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "period": period,
                "value": value,
            }
        )
        if disaggregation is not UNSET:
            field_dict["disaggregation"] = disaggregation
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.target_in_disaggregation import TargetInDisaggregation  # noqa: PLC0415

        d = dict(src_dict)
        period = d.pop("period")

        value = d.pop("value")

        _disaggregation = d.pop("disaggregation", UNSET)
        disaggregation: TargetInDisaggregation | Unset
        if isinstance(_disaggregation, Unset):
            disaggregation = UNSET
        else:
            disaggregation = TargetInDisaggregation.from_dict(_disaggregation)

        def _parse_organization_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organization_id_type_0 = UUID(data)

                return organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        organization_id = _parse_organization_id(d.pop("organization_id", UNSET))

        target_in = cls(
            period=period,
            value=value,
            disaggregation=disaggregation,
            organization_id=organization_id,
        )

        return target_in
