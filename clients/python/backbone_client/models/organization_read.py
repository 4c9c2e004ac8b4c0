from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sector import Sector

if TYPE_CHECKING:
    from ..models.organization_read_external_ids import OrganizationReadExternalIds


T = TypeVar("T", bound="OrganizationRead")


@_attrs_define
class OrganizationRead:
    """
    Attributes:
        id (UUID):
        version (int): Increases on every change; the ETag is its quoted value.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        name (str):
        sector (Sector):
        contact_name (None | str):
        contact_email (None | str):
        website (None | str):
        external_ids (OrganizationReadExternalIds):
    """

    id: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    name: str
    sector: Sector
    contact_name: None | str
    contact_email: None | str
    website: None | str
    external_ids: OrganizationReadExternalIds
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        name = self.name

        sector = self.sector.value

        contact_name: None | str
        contact_name = self.contact_name

        contact_email: None | str
        contact_email = self.contact_email

        website: None | str
        website = self.website

        external_ids = self.external_ids.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "name": name,
                "sector": sector,
                "contact_name": contact_name,
                "contact_email": contact_email,
                "website": website,
                "external_ids": external_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organization_read_external_ids import OrganizationReadExternalIds  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        name = d.pop("name")

        sector = Sector(d.pop("sector"))

        def _parse_contact_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact_name = _parse_contact_name(d.pop("contact_name"))

        def _parse_contact_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact_email = _parse_contact_email(d.pop("contact_email"))

        def _parse_website(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        website = _parse_website(d.pop("website"))

        external_ids = OrganizationReadExternalIds.from_dict(d.pop("external_ids"))

        organization_read = cls(
            id=id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            name=name,
            sector=sector,
            contact_name=contact_name,
            contact_email=contact_email,
            website=website,
            external_ids=external_ids,
        )

        organization_read.additional_properties = d
        return organization_read

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
