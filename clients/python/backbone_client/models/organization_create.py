from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.sector import Sector
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.organization_create_external_ids import OrganizationCreateExternalIds


T = TypeVar("T", bound="OrganizationCreate")


@_attrs_define
class OrganizationCreate:
    """
    Attributes:
        name (str):
        sector (Sector):
        contact_name (None | str | Unset):
        contact_email (None | str | Unset):
        website (None | str | Unset):
        external_ids (OrganizationCreateExternalIds | Unset): Ids of this record in other systems (CRMs).
    """

    name: str
    sector: Sector
    contact_name: None | str | Unset = UNSET
    contact_email: None | str | Unset = UNSET
    website: None | str | Unset = UNSET
    external_ids: OrganizationCreateExternalIds | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        sector = self.sector.value

        contact_name: None | str | Unset
        if isinstance(self.contact_name, Unset):
            contact_name = UNSET
        else:
            contact_name = self.contact_name

        contact_email: None | str | Unset
        if isinstance(self.contact_email, Unset):
            contact_email = UNSET
        else:
            contact_email = self.contact_email

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website

        external_ids: dict[str, Any] | Unset = UNSET
        if not isinstance(self.external_ids, Unset):
            external_ids = self.external_ids.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "sector": sector,
            }
        )
        if contact_name is not UNSET:
            field_dict["contact_name"] = contact_name
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email
        if website is not UNSET:
            field_dict["website"] = website
        if external_ids is not UNSET:
            field_dict["external_ids"] = external_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organization_create_external_ids import (
            OrganizationCreateExternalIds,  # noqa: PLC0415
        )

        d = dict(src_dict)
        name = d.pop("name")

        sector = Sector(d.pop("sector"))

        def _parse_contact_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_name = _parse_contact_name(d.pop("contact_name", UNSET))

        def _parse_contact_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_email = _parse_contact_email(d.pop("contact_email", UNSET))

        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))

        _external_ids = d.pop("external_ids", UNSET)
        external_ids: OrganizationCreateExternalIds | Unset
        if isinstance(_external_ids, Unset):
            external_ids = UNSET
        else:
            external_ids = OrganizationCreateExternalIds.from_dict(_external_ids)

        organization_create = cls(
            name=name,
            sector=sector,
            contact_name=contact_name,
            contact_email=contact_email,
            website=website,
            external_ids=external_ids,
        )

        return organization_create
