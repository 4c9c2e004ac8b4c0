from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ChosenOrganizations")


@_attrs_define
class ChosenOrganizations:
    """
    Attributes:
        kind (Literal['organizations']):
        organization_ids (list[UUID]):
    """

    kind: Literal["organizations"]
    organization_ids: list[UUID]

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        organization_ids = []
        for organization_ids_item_data in self.organization_ids:
            organization_ids_item = str(organization_ids_item_data)
            organization_ids.append(organization_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "organization_ids": organization_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["organizations"], d.pop("kind"))
        if kind != "organizations":
            raise ValueError(f"kind must match const 'organizations', got '{kind}'")

        organization_ids = []
        _organization_ids = d.pop("organization_ids")
        for organization_ids_item_data in _organization_ids:
            organization_ids_item = UUID(organization_ids_item_data)

            organization_ids.append(organization_ids_item)

        chosen_organizations = cls(
            kind=kind,
            organization_ids=organization_ids,
        )

        return chosen_organizations
