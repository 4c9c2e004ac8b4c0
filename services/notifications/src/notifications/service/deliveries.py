"""The delivery log of an endpoint, and sending deliveries again."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import bindparam, update
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.principal import Principal
from backbone.db import utcnow
from backbone.errors import Conflict
from backbone.events.registry import DomainEvent
from backbone.http.pagination import Page, PageParams
from backbone.listing import Listing
from backbone.repository import get_owned
from backbone.rows import Rows
from notifications import schemas
from notifications.events import ENDPOINT_TESTED, EndpointTested, outbox
from notifications.models import Delivery, WebhookEndpoint
from notifications.service.endpoints import load, require_manager
from notifications.service.worker import wake_workers

LISTING = Listing(Delivery, [Delivery.endpoint_id == bindparam("endpoint_id")],
                  {"status": Delivery.status == bindparam("status")})


async def list_(rows: Rows, principal: Principal, endpoint_id: uuid.UUID,
                page: PageParams, status: schemas.DeliveryStatus | None
                ) -> Page[schemas.DeliveryRead]:
    async with rows.reader(principal.tenant) as reader:
        endpoint = await reader.owned(WebhookEndpoint, endpoint_id, "webhook endpoint")
        require_manager(principal, endpoint["initiative_id"])
        return await LISTING.page(reader, page, schemas.DeliveryRead, endpoint_id=endpoint_id,
                                  status=status)


async def resend(session: AsyncSession, principal: Principal, delivery_id: uuid.UUID
                 ) -> Delivery:
    """Schedule the delivery at once (again), with the same ``webhook-id``."""
    delivery = await get_owned(session, Delivery, principal.tenant, delivery_id, "delivery",
                               lock=True)
    await load(session, principal, delivery.endpoint_id)
    now = utcnow()
    delivery.status = schemas.DeliveryStatus.PENDING
    delivery.next_attempt_at = now
    delivery.updated_at = now
    await wake_workers(session)
    return delivery


async def test(session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID
               ) -> Delivery:
    """Send the endpoint (and only it) an ``endpoint.tested`` event, as any other delivery."""
    endpoint = await load(session, principal, endpoint_id)
    if not endpoint.enabled:
        raise Conflict("The endpoint is disabled: enable it to test it.",
                       kind="endpoint-disabled")
    message = outbox.add(session, DomainEvent(
        event_type=ENDPOINT_TESTED, tenant=endpoint.tenant, subject=endpoint.id,
        initiative=endpoint.initiative_id,
        data=EndpointTested(id=endpoint.id, initiative_id=endpoint.initiative_id)))
    now = utcnow()
    delivery = Delivery(tenant=endpoint.tenant, endpoint_id=endpoint.id, event_id=message.id,
                        event_type=message.type, body=message.event().structured(),
                        status=schemas.DeliveryStatus.PENDING, attempts=0, next_attempt_at=now,
                        created_at=now, updated_at=now)
    session.add(delivery)
    await wake_workers(session)
    return delivery


async def recover(session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID,
                  since: datetime) -> int:
    """Schedule every delivery of the endpoint that failed since ``since`` again."""
    await load(session, principal, endpoint_id)
    now = utcnow()
    result = await session.execute(
        update(Delivery).where(Delivery.endpoint_id == endpoint_id,
                               Delivery.status == schemas.DeliveryStatus.FAILED,
                               Delivery.created_at >= since)
        .values(status=schemas.DeliveryStatus.PENDING, next_attempt_at=now, updated_at=now))
    await wake_workers(session)
    return int(result.rowcount)  # type: ignore[attr-defined]
