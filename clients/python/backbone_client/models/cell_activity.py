from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.resources import Resources


T = TypeVar("T", bound="CellActivity")


@_attrs_define
class CellActivity:
    """An organization's part in one activity of the matrix (``activities``).

    Attributes:
        activity_id (UUID):
        roles (list[str]): `lead`, and the organization's contributor roles.
        resources (None | Resources): What this organization brings to it (none when nothing is recorded).
    """

    activity_id: UUID
    roles: list[str]
    resources: None | Resources

    def to_dict(self) -> dict[str, Any]:
        from ..models.resources import Resources  # noqa: PLC0415

        activity_id = str(self.activity_id)

        roles = self.roles

        resources: dict[str, Any] | None
        if isinstance(self.resources, Resources):
            resources = self.resources.to_dict()
        else:
            resources = self.resources

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "activity_id": activity_id,
                "roles": roles,
                "resources": resources,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resources import Resources  # noqa: PLC0415

        d = dict(src_dict)
        activity_id = UUID(d.pop("activity_id"))

        roles = cast(list[str], d.pop("roles"))

        def _parse_resources(data: object) -> None | Resources:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                resources_type_0 = Resources.from_dict(data)

                return resources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Resources, data)

        resources = _parse_resources(d.pop("resources"))

        cell_activity = cls(
            activity_id=activity_id,
            roles=roles,
            resources=resources,
        )

        return cell_activity
