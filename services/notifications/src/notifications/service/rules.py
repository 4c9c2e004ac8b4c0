"""The rules that turn events into notifications for the right people (the table in
docs/notifications.md lists them).

Each rule names the event it reacts to and whom it reaches; what it tells them is no more
than those people could read through the API (a partner hears of its own rejected
observation; of an indicator going off track, only as the reviewed data shows it).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Select, bindparam, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.contracts.agenda import events as agenda
from backbone.events.consumer import AllEventsOf
from backbone.events.envelope import CloudEvent
from backbone.events.registry import type_prefix
from backbone.upserts import compiled_once
from notifications import events as own
from notifications import schemas
from notifications.config import Settings
from notifications.models import IndicatorContributor, Recipient, WebhookEndpoint
from notifications.service import audiences, mail
from notifications.service.notify import FOOTER, Message, notify

MEASUREMENT = "measurement"
ACTIVITIES = "activities"
Reaction = tuple[Select[tuple[Recipient]], Message]
Category = schemas.Category


class _Tolerant(BaseModel):
    """The fields a rule reads from another service's event (others are ignored)."""

    model_config = ConfigDict(extra="ignore")


class ObservationFacts(_Tolerant):
    initiative_id: uuid.UUID
    indicator_id: uuid.UUID
    indicator_code: str
    period: str
    geography: str = ""
    organization_id: uuid.UUID | None = None
    note: str = ""


class StatusChange(_Tolerant):
    indicator_id: uuid.UUID
    initiative_id: uuid.UUID
    code: str
    view: str = "all"
    previous_status: str
    status: str


class Pledge(_Tolerant):
    initiative_id: uuid.UUID
    organization_id: uuid.UUID
    text: str
    due_date: str | None = None


@dataclass(frozen=True)
class Rule:
    event_type: str
    reaches: str  # whom, as the rules table says
    react: Callable[[CloudEvent], Reaction | None]


def _rejected(event: CloudEvent) -> Reaction | None:
    seen = ObservationFacts.model_validate(event.data)
    if seen.organization_id is None:
        return None
    where = f" in {seen.geography}" if seen.geography else ""
    return (audiences.in_organizations(event.tenant, seen.initiative_id,
                                       [seen.organization_id]),
            Message(Category.MEASUREMENT, f"Observation rejected: {seen.indicator_code}, "
                                          f"{seen.period}",
                    f"Your organization's figure for {seen.indicator_code}, {seen.period}"
                    f"{where}, was rejected in review." +
                    (f" The reviewer noted: {seen.note}" if seen.note else "")))


def _off_track(event: CloudEvent) -> Reaction | None:
    change = StatusChange.model_validate(event.data)
    if change.status != "off_track" or change.previous_status == "off_track":
        return None
    message = Message(Category.MEASUREMENT, f"{change.code} is off track",
                      f"The indicator {change.code} went from {change.previous_status} to "
                      "off track" + (" (all data received, reviewed or not)."
                                     if change.view != "reviewed" else "."))
    if change.view == "reviewed":
        return audiences.contributors_not_staff(event.tenant, change.initiative_id,
                                                change.indicator_id), message
    return audiences.staff(event.tenant, change.initiative_id), message


def _overdue(event: CloudEvent) -> Reaction:
    pledge = Pledge.model_validate(event.data)
    return (audiences.organizations_and_staff(event.tenant, pledge.initiative_id,
                                              [pledge.organization_id]),
            Message(Category.ACTIVITIES, "A commitment is overdue",
                    f"The commitment '{pledge.text}' was due on {pledge.due_date} and is "
                    "still open. Mark it done, drop it, or give it a new due date."))


def _decision(event: CloudEvent) -> Reaction:
    decision = agenda.DECISION_RECORDED.parse(event.data)
    return (audiences.members(event.tenant, decision.initiative_id),
            Message(Category.AGENDA, f"Decision recorded: {decision.title}",
                    decision.description or f"Decided on {decision.decided_on} by "
                                            f"{decision.method}."))


def _revised(event: CloudEvent) -> Reaction:
    revision = agenda.AGENDA_REVISED.parse(event.data)
    return (audiences.members(event.tenant, revision.initiative_id),
            Message(Category.AGENDA, f"The agenda was revised (revision {revision.number})",
                    revision.change))


def _announcement(event: CloudEvent) -> Reaction:
    announced = own.ANNOUNCEMENT_PUBLISHED.parse(event.data)
    audience, tenant, initiative = announced.audience, event.tenant, announced.initiative_id
    if isinstance(audience, schemas.people.ByRole):
        who = audiences.with_role(tenant, initiative, audience.role)
    elif isinstance(audience, schemas.people.WorkingGroupMembers):
        who = audiences.working_group(tenant, initiative, audience.working_group_id)
    elif isinstance(audience, schemas.people.ChosenOrganizations):
        who = audiences.in_organizations(tenant, initiative, audience.organization_ids)
    else:
        who = audiences.members(tenant, initiative)
    return who, Message(Category.ANNOUNCEMENTS, announced.title, announced.body)


def _disabled(event: CloudEvent) -> Reaction:
    disabled = own.ENDPOINT_DISABLED.parse(event.data)
    return (audiences.endpoint_managers(event.tenant, disabled.initiative_id),
            Message(Category.WEBHOOKS, "A webhook endpoint was disabled",
                    f"Endpoint {disabled.id} was disabled: {disabled.reason}. Enable it "
                    "again (PATCH its `enabled`) once it answers, and recover what it "
                    "missed (POST .../recover)."))


def _exhausted(event: CloudEvent) -> Reaction:
    given_up = own.DELIVERY_EXHAUSTED.parse(event.data)
    why = given_up.last_error or f"the last answer was {given_up.last_status_code}"
    return (audiences.endpoint_managers(event.tenant, given_up.initiative_id),
            Message(Category.WEBHOOKS, "A webhook delivery was given up",
                    f"The {given_up.event_type} event ({given_up.event_id}) to endpoint "
                    f"{given_up.endpoint_id} failed {given_up.attempts} times ({why}). "
                    "Resend it with POST /v1/deliveries/{id}/resend.".replace(
                        "{id}", str(given_up.id))))


M = type_prefix(MEASUREMENT)
A = type_prefix(ACTIVITIES)
RULES = [
    Rule(f"{M}observation.rejected", "the users of the organization that reported it",
         _rejected),
    Rule(f"{M}indicator.status_changed",
         "going off track in the staff's view (all data): the initiative's backbone staff; "
         "in the reviewed view: the users of the organizations reporting to it, but staff",
         _off_track),
    Rule(f"{A}commitment.overdue", "the users of the organization that made it, and the "
         "initiative's backbone staff", _overdue),
    Rule(agenda.DECISION_RECORDED.type, "the initiative's members", _decision),
    Rule(agenda.AGENDA_REVISED.type, "the initiative's members", _revised),
    Rule(own.ANNOUNCEMENT_PUBLISHED.type, "the announcement's audience", _announcement),
    Rule(own.ENDPOINT_DISABLED.type, "the endpoint's managers (and its contact, by email)",
         _disabled),
    Rule(own.DELIVERY_EXHAUSTED.type, "the endpoint's managers (and its contact, by email)",
         _exhausted),
]
_BY_TYPE = {rule.event_type: rule for rule in RULES}
REPORTED = (f"{M}observation.recorded", f"{M}observation.revised")


_CONTRIBUTES = compiled_once(insert(IndicatorContributor).values(
    indicator_id=bindparam("indicator_id"), organization_id=bindparam("organization_id"),
    tenant=bindparam("tenant")).on_conflict_do_nothing())


async def _record_contributor(session: AsyncSession, event: CloudEvent) -> None:
    seen = ObservationFacts.model_validate(event.data)
    if seen.organization_id is not None:
        await session.execute(_CONTRIBUTES, {"indicator_id": seen.indicator_id,
                                             "organization_id": seen.organization_id,
                                             "tenant": event.tenant})


async def _tell_contact(session: AsyncSession, event: CloudEvent, message: Message) -> None:
    endpoint_id = uuid.UUID(str(event.data.get("endpoint_id") or event.data["id"]))
    contact = (await session.execute(select(WebhookEndpoint.contact_email).where(
        WebhookEndpoint.id == endpoint_id, WebhookEndpoint.tenant == event.tenant))).scalar()
    if contact:
        await mail.queue(session, mail.Outgoing(
            key=f"contact:{event.id}", tenant=event.tenant, to=contact, subject=message.title,
            body=message.body + FOOTER))


def subscriptions(settings: Settings) -> list[AllEventsOf]:
    async def apply(session: AsyncSession, event: CloudEvent) -> None:
        if event.type in REPORTED:
            await _record_contributor(session, event)
        rule = _BY_TYPE.get(event.type)
        reaction = rule.react(event) if rule else None
        if reaction is None:
            return
        recipients, message = reaction
        await notify(session, settings, event, recipients, message)
        if message.category == Category.WEBHOOKS and settings.smtp_host:
            await _tell_contact(session, event, message)

    return [AllEventsOf(service, apply) for service in (agenda.registry.service, MEASUREMENT,
                                                        ACTIVITIES, own.registry.service)]


