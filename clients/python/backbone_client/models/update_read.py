from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.update_kind import UpdateKind

if TYPE_CHECKING:
    from ..models.output_read import OutputRead


T = TypeVar("T", bound="UpdateRead")


@_attrs_define
class UpdateRead:
    """
    Attributes:
        id (UUID):
        version (int): Increases on every change; the ETag is its quoted value.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        initiative_id (UUID):
        activity_id (UUID):
        kind (UpdateKind):
        reported_on (datetime.date):
        text (str):
        milestone (str):
        planned_on (datetime.date | None):
        achieved_on (datetime.date | None):
        outputs (list[OutputRead]):
        author (str):
    """

    id: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    initiative_id: UUID
    activity_id: UUID
    kind: UpdateKind
    reported_on: datetime.date
    text: str
    milestone: str
    planned_on: datetime.date | None
    achieved_on: datetime.date | None
    outputs: list[OutputRead]
    author: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        initiative_id = str(self.initiative_id)

        activity_id = str(self.activity_id)

        kind = self.kind.value

        reported_on = self.reported_on.isoformat()

        text = self.text

        milestone = self.milestone

        planned_on: None | str
        if isinstance(self.planned_on, datetime.date):
            planned_on = self.planned_on.isoformat()
        else:
            planned_on = self.planned_on

        achieved_on: None | str
        if isinstance(self.achieved_on, datetime.date):
            achieved_on = self.achieved_on.isoformat()
        else:
            achieved_on = self.achieved_on

        outputs = []
        for outputs_item_data in self.outputs:
            outputs_item = outputs_item_data.to_dict()
            outputs.append(outputs_item)

        author = self.author

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "initiative_id": initiative_id,
                "activity_id": activity_id,
                "kind": kind,
                "reported_on": reported_on,
                "text": text,
                "milestone": milestone,
                "planned_on": planned_on,
                "achieved_on": achieved_on,
                "outputs": outputs,
                "author": author,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.output_read import OutputRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        initiative_id = UUID(d.pop("initiative_id"))

        activity_id = UUID(d.pop("activity_id"))

        kind = UpdateKind(d.pop("kind"))

        reported_on = datetime.date.fromisoformat(d.pop("reported_on"))

        text = d.pop("text")

        milestone = d.pop("milestone")

        def _parse_planned_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_on_type_0 = datetime.date.fromisoformat(data)

                return planned_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        planned_on = _parse_planned_on(d.pop("planned_on"))

        def _parse_achieved_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                achieved_on_type_0 = datetime.date.fromisoformat(data)

                return achieved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        achieved_on = _parse_achieved_on(d.pop("achieved_on"))

        outputs = []
        _outputs = d.pop("outputs")
        for outputs_item_data in _outputs:
            outputs_item = OutputRead.from_dict(outputs_item_data)

            outputs.append(outputs_item)

        author = d.pop("author")

        update_read = cls(
            id=id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            initiative_id=initiative_id,
            activity_id=activity_id,
            kind=kind,
            reported_on=reported_on,
            text=text,
            milestone=milestone,
            planned_on=planned_on,
            achieved_on=achieved_on,
            outputs=outputs,
            author=author,
        )

        update_read.additional_properties = d
        return update_read

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
