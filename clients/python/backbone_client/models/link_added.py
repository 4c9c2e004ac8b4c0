from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.link_kind import LinkKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="LinkAdded")


@_attrs_define
class LinkAdded:
    """
    Attributes:
        id (UUID):
        version (int): Increases on every change; the ETag is its quoted value.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        initiative_id (UUID):
        from_activity_id (UUID):
        to_activity_id (UUID):
        kind (LinkKind):
        note (str):
        depends_on_cycle (list[UUID] | None | Unset): For a `depends_on` link that closes a cycle: the activities around
            it, starting with this link's. Cycles are allowed, and reported here and in the map.
    """

    id: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    initiative_id: UUID
    from_activity_id: UUID
    to_activity_id: UUID
    kind: LinkKind
    note: str
    depends_on_cycle: list[UUID] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        initiative_id = str(self.initiative_id)

        from_activity_id = str(self.from_activity_id)

        to_activity_id = str(self.to_activity_id)

        kind = self.kind.value

        note = self.note

        depends_on_cycle: list[str] | None | Unset
        if isinstance(self.depends_on_cycle, Unset):
            depends_on_cycle = UNSET
        elif isinstance(self.depends_on_cycle, list):
            depends_on_cycle = []
            for depends_on_cycle_type_0_item_data in self.depends_on_cycle:
                depends_on_cycle_type_0_item = str(depends_on_cycle_type_0_item_data)
                depends_on_cycle.append(depends_on_cycle_type_0_item)

        else:
            depends_on_cycle = self.depends_on_cycle

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "initiative_id": initiative_id,
                "from_activity_id": from_activity_id,
                "to_activity_id": to_activity_id,
                "kind": kind,
                "note": note,
            }
        )
        if depends_on_cycle is not UNSET:
            field_dict["depends_on_cycle"] = depends_on_cycle

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        initiative_id = UUID(d.pop("initiative_id"))

        from_activity_id = UUID(d.pop("from_activity_id"))

        to_activity_id = UUID(d.pop("to_activity_id"))

        kind = LinkKind(d.pop("kind"))

        note = d.pop("note")

        def _parse_depends_on_cycle(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                depends_on_cycle_type_0 = []
                _depends_on_cycle_type_0 = data
                for depends_on_cycle_type_0_item_data in _depends_on_cycle_type_0:
                    depends_on_cycle_type_0_item = UUID(depends_on_cycle_type_0_item_data)

                    depends_on_cycle_type_0.append(depends_on_cycle_type_0_item)

                return depends_on_cycle_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        depends_on_cycle = _parse_depends_on_cycle(d.pop("depends_on_cycle", UNSET))

        link_added = cls(
            id=id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            initiative_id=initiative_id,
            from_activity_id=from_activity_id,
            to_activity_id=to_activity_id,
            kind=kind,
            note=note,
            depends_on_cycle=depends_on_cycle,
        )

        link_added.additional_properties = d
        return link_added

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
