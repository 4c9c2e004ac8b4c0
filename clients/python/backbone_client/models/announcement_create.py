from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.by_role import ByRole
    from ..models.chosen_organizations import ChosenOrganizations
    from ..models.everyone import Everyone
    from ..models.working_group_members import WorkingGroupMembers


T = TypeVar("T", bound="AnnouncementCreate")


@_attrs_define
class AnnouncementCreate:
    """
    Attributes:
        title (str):
        body (str):
        audience (ByRole | ChosenOrganizations | Everyone | WorkingGroupMembers):
    """

    title: str
    body: str
    audience: ByRole | ChosenOrganizations | Everyone | WorkingGroupMembers

    def to_dict(self) -> dict[str, Any]:
        from ..models.by_role import ByRole  # noqa: PLC0415
        from ..models.everyone import Everyone  # noqa: PLC0415
        from ..models.working_group_members import WorkingGroupMembers  # noqa: PLC0415

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "body": body,
                "audience": audience,
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

        announcement_create = cls(
            title=title,
            body=body,
            audience=audience,
        )

        return announcement_create
