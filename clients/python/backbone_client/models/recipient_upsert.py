from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.recipient_upsert_external_ids import RecipientUpsertExternalIds


T = TypeVar("T", bound="RecipientUpsert")


@_attrs_define
class RecipientUpsert:
    """
    Attributes:
        subject (str): The user's token `sub`.
        name (str | Unset):  Default: ''.
        email (None | str | Unset):
        organization_id (None | Unset | UUID): The organization the user acts for (one of the network's).
        external_ids (RecipientUpsertExternalIds | Unset):
    """

    subject: str
    name: str | Unset = ""
    email: None | str | Unset = UNSET
    organization_id: None | Unset | UUID = UNSET
    external_ids: RecipientUpsertExternalIds | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        subject = self.subject

        name = self.name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        organization_id: None | str | Unset
        if isinstance(self.organization_id, Unset):
            organization_id = UNSET
        elif isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        external_ids: dict[str, Any] | Unset = UNSET
        if not isinstance(self.external_ids, Unset):
            external_ids = self.external_ids.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subject": subject,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if email is not UNSET:
            field_dict["email"] = email
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if external_ids is not UNSET:
            field_dict["external_ids"] = external_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.recipient_upsert_external_ids import RecipientUpsertExternalIds  # noqa: PLC0415

        d = dict(src_dict)
        subject = d.pop("subject")

        name = d.pop("name", UNSET)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_organization_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organization_id_type_0 = UUID(data)

                return organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        organization_id = _parse_organization_id(d.pop("organization_id", UNSET))

        _external_ids = d.pop("external_ids", UNSET)
        external_ids: RecipientUpsertExternalIds | Unset
        if isinstance(_external_ids, Unset):
            external_ids = UNSET
        else:
            external_ids = RecipientUpsertExternalIds.from_dict(_external_ids)

        recipient_upsert = cls(
            subject=subject,
            name=name,
            email=email,
            organization_id=organization_id,
            external_ids=external_ids,
        )

        return recipient_upsert
