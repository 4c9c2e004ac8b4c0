from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.output import Output


T = TypeVar("T", bound="UpdateChange")


@_attrs_define
class UpdateChange:
    """
    Attributes:
        reported_on (datetime.date | Unset):
        text (str | Unset):
        milestone (str | Unset):
        planned_on (datetime.date | None | Unset):
        achieved_on (datetime.date | None | Unset):
        outputs (list[Output] | Unset):
    """

    reported_on: datetime.date | Unset = UNSET
    text: str | Unset = UNSET
    milestone: str | Unset = UNSET
    planned_on: datetime.date | None | Unset = UNSET
    achieved_on: datetime.date | None | Unset = UNSET
    outputs: list[Output] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reported_on: str | Unset = UNSET
        if not isinstance(self.reported_on, Unset):
            reported_on = self.reported_on.isoformat()

        text = self.text

        milestone = self.milestone

        planned_on: None | str | Unset
        if isinstance(self.planned_on, Unset):
            planned_on = UNSET
        elif isinstance(self.planned_on, datetime.date):
            planned_on = self.planned_on.isoformat()
        else:
            planned_on = self.planned_on

        achieved_on: None | str | Unset
        if isinstance(self.achieved_on, Unset):
            achieved_on = UNSET
        elif isinstance(self.achieved_on, datetime.date):
            achieved_on = self.achieved_on.isoformat()
        else:
            achieved_on = self.achieved_on

        outputs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.outputs, Unset):
            outputs = []
            for outputs_item_data in self.outputs:
                outputs_item = outputs_item_data.to_dict()
                outputs.append(outputs_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if reported_on is not UNSET:
            field_dict["reported_on"] = reported_on
        if text is not UNSET:
            field_dict["text"] = text
        if milestone is not UNSET:
            field_dict["milestone"] = milestone
        if planned_on is not UNSET:
            field_dict["planned_on"] = planned_on
        if achieved_on is not UNSET:
            field_dict["achieved_on"] = achieved_on
        if outputs is not UNSET:
            field_dict["outputs"] = outputs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.output import Output  # noqa: PLC0415

        d = dict(src_dict)
        _reported_on = d.pop("reported_on", UNSET)
        reported_on: datetime.date | Unset
        if isinstance(_reported_on, Unset):
            reported_on = UNSET
        else:
            reported_on = datetime.date.fromisoformat(_reported_on)

        text = d.pop("text", UNSET)

        milestone = d.pop("milestone", UNSET)

        def _parse_planned_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_on_type_0 = datetime.date.fromisoformat(data)

                return planned_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        planned_on = _parse_planned_on(d.pop("planned_on", UNSET))

        def _parse_achieved_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                achieved_on_type_0 = datetime.date.fromisoformat(data)

                return achieved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        achieved_on = _parse_achieved_on(d.pop("achieved_on", UNSET))

        _outputs = d.pop("outputs", UNSET)
        outputs: list[Output] | Unset = UNSET
        if _outputs is not UNSET:
            outputs = []
            for outputs_item_data in _outputs:
                outputs_item = Output.from_dict(outputs_item_data)

                outputs.append(outputs_item)

        update_change = cls(
            reported_on=reported_on,
            text=text,
            milestone=milestone,
            planned_on=planned_on,
            achieved_on=achieved_on,
            outputs=outputs,
        )

        return update_change
