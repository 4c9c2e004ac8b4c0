"""Recipients, preferences, inbox notifications and announcements: request and response
models."""

from __future__ import annotations

import uuid
import zoneinfo
from datetime import datetime, time
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, Field, StrictBool

from backbone.contracts.agenda.entities import ParticipantRole
from backbone.http.schemas import EntityRead, Input, example
from notifications.domain.quiet_hours import release_time

Subject = Annotated[str, Field(min_length=1, max_length=300, examples=["auth0|5f2a"])]


class Category(StrEnum):
    """What a notification is about; preferences are set per category."""

    AGENDA = "agenda"
    MEASUREMENT = "measurement"
    ACTIVITIES = "activities"
    ANNOUNCEMENTS = "announcements"
    WEBHOOKS = "webhooks"


class DigestCadence(StrEnum):
    OFF = "off"
    DAILY = "daily"
    WEEKLY = "weekly"


class Channels(Input):
    inbox: StrictBool = True
    email: StrictBool = False


def _zone(name: str) -> str:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r} (an IANA name, e.g. Europe/Berlin)"
                         ) from exc
    return name


Clock = Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$",
                             description="A local time of day, `HH:MM`.")]


class QuietHours(Input):
    """Emails due between ``start`` and ``end`` (local time) wait until ``end``; the inbox
    and the live stream are not held."""

    start: Clock = Field(examples=["22:00"])
    end: Clock = Field(examples=["07:00"])
    timezone: Annotated[str, Field(max_length=64, examples=["America/Chicago"]),
                        AfterValidator(_zone)] = "UTC"

    def release_time(self, now: datetime) -> datetime:
        """When an email due at ``now`` may be sent."""
        return release_time(now, time.fromisoformat(self.start), time.fromisoformat(self.end),
                            self.timezone)


def _email_on() -> Channels:
    return Channels(email=True)


class Preferences(Input):
    """Where each category of notification goes, and how emails are grouped: with a digest
    cadence, emails are not sent one by one but as one digest a day (or week) of what
    happened, never an empty one."""

    model_config = example(
        measurement={"inbox": True, "email": True}, digest="weekly",
        quiet_hours={"start": "22:00", "end": "07:00", "timezone": "America/Chicago"})

    agenda: Channels = Field(default_factory=Channels)
    measurement: Channels = Field(default_factory=Channels)
    activities: Channels = Field(default_factory=Channels)
    announcements: Channels = Field(default_factory=_email_on)
    webhooks: Channels = Field(default_factory=_email_on)
    digest: DigestCadence = DigestCadence.OFF
    quiet_hours: QuietHours | None = None

    def channels(self, category: Category) -> Channels:
        channels: Channels = getattr(self, category.value)
        return channels


class RecipientUpsert(Input):
    subject: Subject = Field(description="The user's token `sub`.")
    name: Annotated[str, Field(max_length=200)] = ""
    email: EmailStr | None = None
    organization_id: uuid.UUID | None = Field(
        None, description="The organization the user acts for (one of the network's).")
    external_ids: dict[Annotated[str, Field(max_length=50)],
                       Annotated[str, Field(max_length=200)]] = Field(
        default_factory=dict, max_length=20, examples=[{"salesforce": "0035g00000XyZ"}])


class RecipientBatch(Input):
    model_config = example(
        recipients=[{"subject": "auth0|5f7c1d2e",
                     "name": "Dana Ortiz",
                     "email": "dana.ortiz@library.riverside.example",
                     "organization_id": "0d3c9a5e-2f4b-4c8e-9a61-5b7e2d1f8c04",
                     "external_ids": {"salesforce": "0035g00000XyZ"}}])

    recipients: list[RecipientUpsert] = Field(min_length=1, max_length=500)


class RecipientRead(EntityRead):
    subject: str
    name: str
    email: str | None
    organization_id: uuid.UUID | None
    external_ids: dict[str, str]


class RecipientsUpserted(BaseModel):
    items: list[RecipientRead]


class NotificationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    seq: int = Field(description="Orders the caller's notifications; the stream's event id.")
    initiative_id: uuid.UUID | None
    category: Category
    event_id: uuid.UUID = Field(description="The event the notification was made from.")
    event_type: str
    subject: str = Field(description="The id of the entity the event is about.")
    title: str
    body: str
    created_at: datetime
    read_at: datetime | None


class NotificationPatch(Input):
    model_config = example(read=True)

    read: StrictBool = Field(description="`true` marks it read, `false` unread again.")


class UnreadCount(BaseModel):
    unread: int


class MarkedRead(BaseModel):
    marked: int = Field(description="How many notifications were unread and now are read.")


class Everyone(Input):
    kind: Literal["everyone"]


class ByRole(Input):
    kind: Literal["role"]
    role: ParticipantRole = Field(description="Organizations taking part in this role.")


class WorkingGroupMembers(Input):
    kind: Literal["working_group"]
    working_group_id: uuid.UUID


class ChosenOrganizations(Input):
    kind: Literal["organizations"]
    organization_ids: list[uuid.UUID] = Field(min_length=1, max_length=200)


Audience = Annotated[Everyone | ByRole | WorkingGroupMembers | ChosenOrganizations,
                     Field(discriminator="kind")]


class AnnouncementCreate(Input):
    model_config = example(
        title="Spring data walk",
        body="Join us at the library on Thursday to walk through this year's data.",
        audience={"kind": "everyone"})

    title: Annotated[str, Field(min_length=1, max_length=200)]
    body: Annotated[str, Field(min_length=1, max_length=10_000)]
    audience: Audience = Field(examples=[{"kind": "working_group",
                                          "working_group_id": "7b0d6f0e-8e3a-4c1e-9a43-"
                                                              "2f5b0c1d9e77"}])


class AnnouncementRead(EntityRead):
    initiative_id: uuid.UUID
    title: str
    body: str
    audience: Audience
    author: str
