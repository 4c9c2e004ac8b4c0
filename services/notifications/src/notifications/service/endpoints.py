"""Webhook endpoints: network admins manage their network's, an initiative's backbone staff
manage that initiative's. Every change is checked (the URL against the SSRF rules, the
event types against the catalogues) before it is stored, and announced."""

from __future__ import annotations

import functools
import uuid
from datetime import timedelta

from sqlalchemy import ARRAY, Uuid, any_, bindparam
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.access import require_network_admin, require_role
from backbone.auth.principal import InitiativeRole, Principal
from backbone.db import utcnow
from backbone.errors import Invalid
from backbone.events.registry import DomainEvent
from backbone.http.etag import check_if_match
from backbone.http.pagination import Page, PageParams
from backbone.listing import Listing
from backbone.readmodels.agenda import KnownInitiative
from backbone.repository import apply_changes, get_owned
from backbone.rows import Rows
from backbone.service import discover_registries
from notifications import schemas
from notifications.config import Settings
from notifications.domain import patterns
from notifications.domain.signing import new_secret
from notifications.events import (
    ENDPOINT_CREATED,
    ENDPOINT_DELETED,
    ENDPOINT_UPDATED,
    EndpointRemoved,
    outbox,
)
from notifications.models import WebhookEndpoint
from notifications.service.targets import check_url


@functools.cache
def known_types() -> frozenset[str]:
    """The event types of every catalogue installed beside this service."""
    return frozenset(t.type for registry in discover_registries() for t in registry)


def require_manager(principal: Principal, initiative_id: uuid.UUID | None) -> None:
    if initiative_id is None:
        require_network_admin(principal)
    else:
        require_role(principal, initiative_id, InitiativeRole.BACKBONE)


def _check_types(event_types: list[str]) -> None:
    found = patterns.problems(event_types, known_types())
    if found:
        raise Invalid("event_types: " + "; ".join(found), kind="unknown-event-type",
                      errors=[{"loc": ["body", "event_types"], "msg": p,
                               "type": "unknown_event_type"} for p in found])


async def create(session: AsyncSession, principal: Principal, body: schemas.EndpointCreate,
                 settings: Settings) -> WebhookEndpoint:
    """The new endpoint; its response (``EndpointCreated``) shows the secret, once."""
    require_manager(principal, body.initiative_id)
    if body.initiative_id is not None:
        await get_owned(session, KnownInitiative, principal.tenant, body.initiative_id,
                        "initiative")
    _check_types(body.event_types)
    await check_url(body.url, settings)
    endpoint = WebhookEndpoint(tenant=principal.tenant, secret=new_secret(),
                               disabled_reason=None, **body.columns())
    session.add(endpoint)
    await outbox.emit_state(session, ENDPOINT_CREATED, endpoint, endpoint.initiative_id)
    return endpoint


async def load(session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID, *,
               lock: bool = False) -> WebhookEndpoint:
    endpoint = await get_owned(session, WebhookEndpoint, principal.tenant, endpoint_id,
                               "webhook endpoint", lock=lock)
    require_manager(principal, endpoint.initiative_id)
    return endpoint


LISTING = Listing(WebhookEndpoint, filters={
    "staff_of": WebhookEndpoint.initiative_id == any_(bindparam("staff_of", type_=ARRAY(Uuid))),
    "initiative_id": WebhookEndpoint.initiative_id == bindparam("initiative_id")})


async def list_(rows: Rows, principal: Principal, page: PageParams,
                initiative_id: uuid.UUID | None) -> Page[schemas.EndpointRead]:
    """The endpoints the caller manages (of one initiative, if named): network admins
    manage all, backbone staff their initiatives'."""
    staff_of = None if principal.is_network_admin else [
        i for i in principal.initiative_ids() if principal.has_role(i, InitiativeRole.BACKBONE)]
    async with rows.reader(principal.tenant) as reader:
        return await LISTING.page(reader, page, schemas.EndpointRead, staff_of=staff_of,
                                  initiative_id=initiative_id)


async def update(session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID,
                 body: schemas.EndpointUpdate, if_match: str | None,
                 settings: Settings) -> WebhookEndpoint:
    endpoint = await load(session, principal, endpoint_id, lock=True)
    check_if_match(if_match, endpoint.version)
    changes = body.columns()
    if "event_types" in changes:
        _check_types(changes["event_types"])
    if "url" in changes:
        await check_url(changes["url"], settings)
    if changes.get("enabled") and not endpoint.enabled:
        changes |= {"disabled_reason": None, "failing_since": None}
    if apply_changes(endpoint, changes):
        await outbox.emit_state(session, ENDPOINT_UPDATED, endpoint, endpoint.initiative_id)
    return endpoint


async def delete(session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID,
                 if_match: str | None) -> None:
    endpoint = await load(session, principal, endpoint_id, lock=True)
    check_if_match(if_match, endpoint.version)
    outbox.add(session, DomainEvent(
        event_type=ENDPOINT_DELETED, tenant=endpoint.tenant, subject=endpoint.id,
        initiative=endpoint.initiative_id,
        data=EndpointRemoved(id=endpoint.id, initiative_id=endpoint.initiative_id)))
    await session.delete(endpoint)


async def rotate_secret(session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID,
                        settings: Settings) -> schemas.EndpointSecret:
    """A new secret signs from now on; the old one also signs until the overlap ends, so
    receivers can switch without missing a delivery."""
    endpoint = await load(session, principal, endpoint_id, lock=True)
    expires = utcnow() + timedelta(seconds=settings.webhook_secret_overlap_s)
    apply_changes(endpoint, {"previous_secret": endpoint.secret,
                             "previous_secret_expires_at": expires, "secret": new_secret()})
    await outbox.emit_state(session, ENDPOINT_UPDATED, endpoint, endpoint.initiative_id)
    return schemas.EndpointSecret(endpoint_id=endpoint.id, secret=endpoint.secret,
                                  previous_secret_expires_at=expires)
