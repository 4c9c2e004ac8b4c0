from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="OrganizationStanding")


@_attrs_define
class OrganizationStanding:
    """
    Attributes:
        organization_id (UUID):
        name (None | str):
        degree (int): Organizations it works with.
        betweenness (float): Share of shortest paths between two other organizations through it (0 to 1).
        isolate (bool):
    """

    organization_id: UUID
    name: None | str
    degree: int
    betweenness: float
    isolate: bool

    def to_dict(self) -> dict[str, Any]:
        organization_id = str(self.organization_id)

        name: None | str
        name = self.name

        degree = self.degree

        betweenness = self.betweenness

        isolate = self.isolate

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "organization_id": organization_id,
                "name": name,
                "degree": degree,
                "betweenness": betweenness,
                "isolate": isolate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        organization_id = UUID(d.pop("organization_id"))

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        degree = d.pop("degree")

        betweenness = d.pop("betweenness")

        isolate = d.pop("isolate")

        organization_standing = cls(
            organization_id=organization_id,
            name=name,
            degree=degree,
            betweenness=betweenness,
            isolate=isolate,
        )

        return organization_standing
