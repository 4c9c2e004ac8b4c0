"""The activity feed: every event of an initiative, across services, newest first.

It keeps who did what to which entity and when, never the event's data. Events about data
that is not reviewed yet (observations and imports, and staff's view of progress) and
about the initiative's webhook endpoints are shown to its backbone staff only, so a viewer
learns from the feed nothing the API would not show them.
"""

from __future__ import annotations

import uuid

from sqlalchemy import bindparam
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.principal import InitiativeRole, Principal
from backbone.events.consumer import AllEventsOf
from backbone.events.envelope import CloudEvent
from backbone.events.registry import type_prefix
from backbone.http.pagination import Page, PageParams
from backbone.listing import Listing
from backbone.readmodels.agenda import KnownInitiative
from backbone.resources import initiative_row
from backbone.rows import Rows
from backbone.upserts import compiled_once
from notifications import events as own
from notifications import schemas
from notifications.models import FeedEntry
from notifications.service.fanout import PUBLISHERS

MEASUREMENT = type_prefix("measurement")
STAFF_ONLY = (f"{MEASUREMENT}observation.", f"{MEASUREMENT}import.",
              type_prefix(own.registry.service))
STATUS_CHANGED = f"{MEASUREMENT}indicator.status_changed"


def audience(event: CloudEvent) -> schemas.FeedAudience:
    if event.type.startswith(STAFF_ONLY) or (
            event.type == STATUS_CHANGED and event.data.get("view") != "reviewed"):
        return schemas.FeedAudience.STAFF
    return schemas.FeedAudience.MEMBERS


_RECORD = compiled_once(insert(FeedEntry).values(
    {c.key: bindparam(c.key) for c in FeedEntry.__table__.columns})
    .on_conflict_do_nothing(index_elements=[FeedEntry.event_id]))


async def record(session: AsyncSession, event: CloudEvent) -> None:
    if event.initiative is None or event.type == own.NOTIFICATION_CREATED.type:
        return  # network-level (organizations), or one person's: no initiative's feed
    await session.execute(_RECORD, {
        "event_id": event.id, "tenant": event.tenant,
        "initiative_id": uuid.UUID(event.initiative),
        "service": event.source.rsplit("/", 1)[-1], "type": event.type,
        "subject": event.subject, "actor": event.actor, "actor_org": event.actororg,
        "occurred_at": event.time, "audience": audience(event)})


SUBSCRIPTIONS = [AllEventsOf(service, record)
                 for service in (*PUBLISHERS, own.registry.service)]


LISTING = Listing(
    FeedEntry, [FeedEntry.initiative_id == bindparam("initiative_id")],
    {name: getattr(FeedEntry, name) == bindparam(name)
     for name in ("audience", "service", "type", "actor")},
    order=(FeedEntry.occurred_at, FeedEntry.event_id))


async def list_(rows: Rows, principal: Principal, initiative_id: uuid.UUID,
                page: PageParams, *, service: str | None, type_: str | None,
                actor: str | None) -> Page[schemas.FeedEntryRead]:
    """Newest first; ``cursor`` continues with older entries, ``updated_since`` stops at
    entries older than it."""
    audience = (None if principal.has_role(initiative_id, InitiativeRole.BACKBONE)
                else schemas.FeedAudience.MEMBERS)
    async with rows.reader(principal.tenant) as reader:
        await initiative_row(reader, principal, KnownInitiative, initiative_id)
        return await LISTING.page(reader, page, schemas.FeedEntryRead,
                                  initiative_id=initiative_id, audience=audience,
                                  service=service, type=type_, actor=actor)
