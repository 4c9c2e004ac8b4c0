from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.digest_cadence import DigestCadence
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.channels import Channels
    from ..models.quiet_hours import QuietHours


T = TypeVar("T", bound="Preferences")


@_attrs_define
class Preferences:
    """Where each category of notification goes, and how emails are grouped: with a digest
    cadence, emails are not sent one by one but as one digest a day (or week) of what
    happened, never an empty one.

        Attributes:
            agenda (Channels | Unset):
            measurement (Channels | Unset):
            activities (Channels | Unset):
            announcements (Channels | Unset):
            webhooks (Channels | Unset):
            digest (DigestCadence | Unset):
            quiet_hours (None | QuietHours | Unset):
    """

    agenda: Channels | Unset = UNSET
    measurement: Channels | Unset = UNSET
    activities: Channels | Unset = UNSET
    announcements: Channels | Unset = UNSET
    webhooks: Channels | Unset = UNSET
    digest: DigestCadence | Unset = UNSET
    quiet_hours: None | QuietHours | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.quiet_hours import QuietHours  # noqa: PLC0415

        agenda: dict[str, Any] | Unset = UNSET
        if not isinstance(self.agenda, Unset):
            agenda = self.agenda.to_dict()

        measurement: dict[str, Any] | Unset = UNSET
        if not isinstance(self.measurement, Unset):
            measurement = self.measurement.to_dict()

        activities: dict[str, Any] | Unset = UNSET
        if not isinstance(self.activities, Unset):
            activities = self.activities.to_dict()

        announcements: dict[str, Any] | Unset = UNSET
        if not isinstance(self.announcements, Unset):
            announcements = self.announcements.to_dict()

        webhooks: dict[str, Any] | Unset = UNSET
        if not isinstance(self.webhooks, Unset):
            webhooks = self.webhooks.to_dict()

        digest: str | Unset = UNSET
        if not isinstance(self.digest, Unset):
            digest = self.digest.value

        quiet_hours: dict[str, Any] | None | Unset
        if isinstance(self.quiet_hours, Unset):
            quiet_hours = UNSET
        elif isinstance(self.quiet_hours, QuietHours):
            quiet_hours = self.quiet_hours.to_dict()
        else:
            quiet_hours = self.quiet_hours

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if agenda is not UNSET:
            field_dict["agenda"] = agenda
        if measurement is not UNSET:
            field_dict["measurement"] = measurement
        if activities is not UNSET:
            field_dict["activities"] = activities
        if announcements is not UNSET:
            field_dict["announcements"] = announcements
        if webhooks is not UNSET:
            field_dict["webhooks"] = webhooks
        if digest is not UNSET:
            field_dict["digest"] = digest
        if quiet_hours is not UNSET:
            field_dict["quiet_hours"] = quiet_hours

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.channels import Channels  # noqa: PLC0415
        from ..models.quiet_hours import QuietHours  # noqa: PLC0415

        d = dict(src_dict)
        _agenda = d.pop("agenda", UNSET)
        agenda: Channels | Unset
        if isinstance(_agenda, Unset):
            agenda = UNSET
        else:
            agenda = Channels.from_dict(_agenda)

        _measurement = d.pop("measurement", UNSET)
        measurement: Channels | Unset
        if isinstance(_measurement, Unset):
            measurement = UNSET
        else:
            measurement = Channels.from_dict(_measurement)

        _activities = d.pop("activities", UNSET)
        activities: Channels | Unset
        if isinstance(_activities, Unset):
            activities = UNSET
        else:
            activities = Channels.from_dict(_activities)

        _announcements = d.pop("announcements", UNSET)
        announcements: Channels | Unset
        if isinstance(_announcements, Unset):
            announcements = UNSET
        else:
            announcements = Channels.from_dict(_announcements)

        _webhooks = d.pop("webhooks", UNSET)
        webhooks: Channels | Unset
        if isinstance(_webhooks, Unset):
            webhooks = UNSET
        else:
            webhooks = Channels.from_dict(_webhooks)

        _digest = d.pop("digest", UNSET)
        digest: DigestCadence | Unset
        if isinstance(_digest, Unset):
            digest = UNSET
        else:
            digest = DigestCadence(_digest)

        def _parse_quiet_hours(data: object) -> None | QuietHours | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quiet_hours_type_0 = QuietHours.from_dict(data)

                return quiet_hours_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuietHours | Unset, data)

        quiet_hours = _parse_quiet_hours(d.pop("quiet_hours", UNSET))

        preferences = cls(
            agenda=agenda,
            measurement=measurement,
            activities=activities,
            announcements=announcements,
            webhooks=webhooks,
            digest=digest,
            quiet_hours=quiet_hours,
        )

        return preferences
