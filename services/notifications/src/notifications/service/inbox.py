"""The caller's inbox: newest first, unread filter, marking read."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import bindparam, func, select, true, update
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.principal import Principal
from backbone.db import utcnow
from backbone.errors import NotFound
from backbone.http.pagination import Page, PageParams
from backbone.listing import Listing
from backbone.rows import Rows
from notifications import schemas
from notifications.models import Notification
from notifications.service.people import remember


def mine(principal: Principal) -> list[Any]:
    """The conditions of the caller's inbox notifications."""
    return [Notification.tenant == principal.tenant, Notification.recipient == principal.sub,
            Notification.in_inbox]


LISTING = Listing(
    Notification,
    [Notification.recipient == bindparam("recipient"), Notification.in_inbox.is_(true())],
    {"unread": Notification.read_at.is_(None) == bindparam("unread")},
    order=(Notification.created_at, Notification.id))


async def list_(rows: Rows, principal: Principal, page: PageParams,
                unread: bool | None) -> Page[schemas.NotificationRead]:
    """Newest first; ``cursor`` continues with older ones, ``updated_since`` stops at
    those made before it."""
    async with rows.reader(principal.tenant) as reader:
        return await LISTING.page(reader, page, schemas.NotificationRead,
                                  recipient=principal.sub, unread=unread)


async def unread_count(session: AsyncSession, principal: Principal) -> schemas.UnreadCount:
    count = (await session.execute(select(func.count()).where(
        *mine(principal), Notification.read_at.is_(None)))).scalar_one()
    return schemas.UnreadCount(unread=count)


async def mark(session: AsyncSession, principal: Principal, notification_id: uuid.UUID,
               body: schemas.NotificationPatch) -> Notification:
    await remember(session, principal)
    found = (await session.execute(select(Notification).where(
        Notification.id == notification_id, *mine(principal)).with_for_update())
    ).scalar_one_or_none()
    if found is None:
        raise NotFound.of("notification")
    if body.read and found.read_at is None:
        found.read_at = utcnow()
    elif not body.read:
        found.read_at = None
    return found


async def read_all(session: AsyncSession, principal: Principal) -> schemas.MarkedRead:
    await remember(session, principal)
    marked = await session.execute(update(Notification).where(
        *mine(principal), Notification.read_at.is_(None)).values(read_at=utcnow()))
    return schemas.MarkedRead(marked=marked.rowcount)  # type: ignore[attr-defined]


async def latest_seq(session: AsyncSession, principal: Principal) -> int:
    return (await session.execute(select(func.coalesce(func.max(Notification.seq), 0))
                                  .where(*mine(principal)))).scalar_one()
