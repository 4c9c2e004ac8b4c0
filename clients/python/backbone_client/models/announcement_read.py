from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.by_role import ByRole
    from ..models.chosen_organizations import ChosenOrganizations
    from ..models.everyone import Everyone
    from ..models.working_group_members import WorkingGroupMembers


T = TypeVar("T", bound="AnnouncementRead")


@_attrs_define
class AnnouncementRead:
    """
    Attributes:
        id (UUID):
        version (int): Increases on every change; the ETag is its quoted value.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        initiative_id (UUID):
        title (str):
        body (str):
        audience (ByRole | ChosenOrganizations | Everyone | WorkingGroupMembers):
        author (str):
    """

    id: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    initiative_id: UUID
    title: str
    body: str
    audience: ByRole | ChosenOrganizations | Everyone | WorkingGroupMembers
    author: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.by_role import ByRole  # noqa: PLC0415
        from ..models.everyone import Everyone  # noqa: PLC0415
        from ..models.working_group_members import WorkingGroupMembers  # noqa: PLC0415

        id = str(self.id)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        initiative_id = str(self.initiative_id)

        title = self.title

        body = self.body

        audience: dict[str, Any]
        if isinstance(self.audience, Everyone):
            audience = self.audience.to_dict()
        elif isinstance(self.audience, ByRole):
            audience = self.audience.to_dict()
        elif isinstance(self.audience, WorkingGroupMembers):
            audience = self.audience.to_dict()
        else:
            audience = self.audience.to_dict()

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
                "title": title,
                "body": body,
                "audience": audience,
                "author": author,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.by_role import ByRole  # noqa: PLC0415
        from ..models.chosen_organizations import ChosenOrganizations  # noqa: PLC0415
        from ..models.everyone import Everyone  # noqa: PLC0415
        from ..models.working_group_members import WorkingGroupMembers  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        initiative_id = UUID(d.pop("initiative_id"))

        title = d.pop("title")

        body = d.pop("body")

        def _parse_audience(
            data: object,
        ) -> ByRole | ChosenOrganizations | Everyone | WorkingGroupMembers:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                audience_type_0 = Everyone.from_dict(data)

                return audience_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                audience_type_1 = ByRole.from_dict(data)

                return audience_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                audience_type_2 = WorkingGroupMembers.from_dict(data)

                return audience_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            audience_type_3 = ChosenOrganizations.from_dict(data)

            return audience_type_3

        audience = _parse_audience(d.pop("audience"))

        author = d.pop("author")

        announcement_read = cls(
            id=id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            initiative_id=initiative_id,
            title=title,
            body=body,
            audience=audience,
            author=author,
        )

        announcement_read.additional_properties = d
        return announcement_read

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
