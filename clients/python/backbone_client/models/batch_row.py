from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_row_disaggregation import BatchRowDisaggregation


T = TypeVar("T", bound="BatchRow")


@_attrs_define
class BatchRow:
    """
    Attributes:
        period (str): 2026, FY2026, 2026S1, 2026Q1, 2026-03, 2026W05 or 2026-03-15.
        disaggregation (BatchRowDisaggregation | Unset): Dimension code -> option code; empty for the total.
        geography (str | Unset): A place; empty for the whole area of the initiative. Default: ''.
        organization_id (None | Unset | UUID): The reporting organization (a partner's own, for partners).
        value (float | None | Unset):
        numerator (float | None | Unset):
        denominator (float | None | Unset):
        source (str | Unset):  Default: ''.
        comment (str | Unset):  Default: ''.
        indicator (None | str | Unset): The indicator's code ...
        indicator_id (None | Unset | UUID): ... or its id.
    """

    period: str
    disaggregation: BatchRowDisaggregation | Unset = UNSET
    geography: str | Unset = ""
    organization_id: None | Unset | UUID = UNSET
    value: float | None | Unset = UNSET
    numerator: float | None | Unset = UNSET
    denominator: float | None | Unset = UNSET
    source: str | Unset = ""
    comment: str | Unset = ""
    indicator: None | str | Unset = UNSET
    indicator_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        disaggregation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.disaggregation, Unset):
            disaggregation = self.disaggregation.to_dict()

        geography = self.geography

        organization_id: None | str | Unset
        if isinstance(self.organization_id, Unset):
            organization_id = UNSET
        elif isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        value: float | None | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        numerator: float | None | Unset
        if isinstance(self.numerator, Unset):
            numerator = UNSET
        else:
            numerator = self.numerator

        denominator: float | None | Unset
        if isinstance(self.denominator, Unset):
            denominator = UNSET
        else:
            denominator = self.denominator

        source = self.source

        comment = self.comment

        indicator: None | str | Unset
        if isinstance(self.indicator, Unset):
            indicator = UNSET
        else:
            indicator = self.indicator

        indicator_id: None | str | Unset
        if isinstance(self.indicator_id, Unset):
            indicator_id = UNSET
        elif isinstance(self.indicator_id, UUID):
            indicator_id = str(self.indicator_id)
        else:
            indicator_id = self.indicator_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "period": period,
            }
        )
        if disaggregation is not UNSET:
            field_dict["disaggregation"] = disaggregation
        if geography is not UNSET:
            field_dict["geography"] = geography
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if value is not UNSET:
            field_dict["value"] = value
        if numerator is not UNSET:
            field_dict["numerator"] = numerator
        if denominator is not UNSET:
            field_dict["denominator"] = denominator
        if source is not UNSET:
            field_dict["source"] = source
        if comment is not UNSET:
            field_dict["comment"] = comment
        if indicator is not UNSET:
            field_dict["indicator"] = indicator
        if indicator_id is not UNSET:
            field_dict["indicator_id"] = indicator_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_row_disaggregation import BatchRowDisaggregation  # noqa: PLC0415

        d = dict(src_dict)
        period = d.pop("period")

        _disaggregation = d.pop("disaggregation", UNSET)
        disaggregation: BatchRowDisaggregation | Unset
        if isinstance(_disaggregation, Unset):
            disaggregation = UNSET
        else:
            disaggregation = BatchRowDisaggregation.from_dict(_disaggregation)

        geography = d.pop("geography", UNSET)

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

        def _parse_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        def _parse_numerator(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        numerator = _parse_numerator(d.pop("numerator", UNSET))

        def _parse_denominator(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        denominator = _parse_denominator(d.pop("denominator", UNSET))

        source = d.pop("source", UNSET)

        comment = d.pop("comment", UNSET)

        def _parse_indicator(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        indicator = _parse_indicator(d.pop("indicator", UNSET))

        def _parse_indicator_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                indicator_id_type_0 = UUID(data)

                return indicator_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        indicator_id = _parse_indicator_id(d.pop("indicator_id", UNSET))

        batch_row = cls(
            period=period,
            disaggregation=disaggregation,
            geography=geography,
            organization_id=organization_id,
            value=value,
            numerator=numerator,
            denominator=denominator,
            source=source,
            comment=comment,
            indicator=indicator,
            indicator_id=indicator_id,
        )

        return batch_row
