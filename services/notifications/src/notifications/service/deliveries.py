"""The delivery log of an endpoint, and sending deliveries again."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.principal import Principal
from backbone.db import utcnow
from backbone.http.pagination import Page, PageParams
from backbone.repository import get_owned, list_page
from notifications import schemas
from notifications.models import Delivery
from notifications.service.endpoints import load


async def list_(session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID,
                page: PageParams, status: schemas.DeliveryStatus | None
                ) -> Page[schemas.DeliveryRead]:
    await load(session, principal, endpoint_id)
    stmt = select(Delivery).where(Delivery.endpoint_id == endpoint_id)
    if status is not None:
        stmt = stmt.where(Delivery.status == status)
    return await list_page(session, stmt, Delivery, page, schemas.DeliveryRead)


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
    return int(result.rowcount)  # type: ignore[attr-defined]
