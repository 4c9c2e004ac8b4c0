"""Recipients and their preferences.

A user becomes a recipient when they set their preferences, or when a network admin
upserts them (a CRM sync); each write of a user to ``/v1/me`` records the organization and
grants of their token, by which rules reach them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.access import require_network_admin
from backbone.auth.principal import Principal
from backbone.db import utcnow
from backbone.errors import Invalid
from backbone.http.pagination import Page, PageParams
from backbone.listing import Listing
from backbone.readmodels.agenda import KnownOrganization
from backbone.rows import Rows
from notifications import schemas
from notifications.models import Recipient
from notifications.service.notify import preferences

DEFAULTS = schemas.Preferences().model_dump(mode="json")


def _mine(principal: Principal) -> Any:
    return select(Recipient).where(Recipient.tenant == principal.tenant,
                                   Recipient.subject == principal.sub)


async def get_preferences(session: AsyncSession, principal: Principal) -> schemas.Preferences:
    found = (await session.execute(_mine(principal))).scalar_one_or_none()
    return preferences(found) if found else schemas.Preferences()


async def remember(session: AsyncSession, principal: Principal,
                   wanted: schemas.Preferences | None = None) -> Recipient:
    """The caller as a recipient, with their token's organization and grants (and
    ``wanted`` preferences, if given), locked for this transaction."""
    now = utcnow()
    stmt = insert(Recipient).values(
        tenant=principal.tenant, subject=principal.sub, name="", email=None,
        organization_id=principal.org, grants=sorted(principal.grants), external_ids={},
        preferences=(wanted.model_dump(mode="json") if wanted else DEFAULTS),
        digest_since=now, version=1, created_at=now, updated_at=now)
    changes: dict[str, Any] = {"organization_id": stmt.excluded.organization_id,
                               "grants": stmt.excluded.grants}
    if wanted is not None:
        changes |= {"preferences": stmt.excluded.preferences,
                    "version": Recipient.version + 1, "updated_at": now}
    await session.execute(stmt.on_conflict_do_update(
        index_elements=[Recipient.tenant, Recipient.subject], set_=changes))
    return (await session.execute(_mine(principal).with_for_update())).scalar_one()


async def set_preferences(session: AsyncSession, principal: Principal,
                          wanted: schemas.Preferences) -> schemas.Preferences:
    before = (await session.execute(_mine(principal))).scalar_one_or_none()
    recipient = await remember(session, principal, wanted)
    was_off = before is None or preferences(before).digest == schemas.DigestCadence.OFF
    if was_off and wanted.digest != schemas.DigestCadence.OFF:
        recipient.digest_since = utcnow()  # the first digest covers what happens from now
    return wanted


async def upsert_recipients(session: AsyncSession, principal: Principal,
                            batch: schemas.RecipientBatch) -> list[Recipient]:
    """Network admins: create or update recipients by subject, all or none."""
    require_network_admin(principal)
    errors = []
    seen: set[str] = set()
    for n, row in enumerate(batch.recipients):
        if row.subject in seen:
            errors.append({"loc": ["body", "recipients", n, "subject"],
                           "msg": "this subject is already in the batch", "type": "duplicate"})
        seen.add(row.subject)
    orgs = {r.organization_id for r in batch.recipients if r.organization_id}
    known = set((await session.execute(select(KnownOrganization.id).where(
        KnownOrganization.tenant == principal.tenant,
        KnownOrganization.id.in_(orgs)))).scalars()) if orgs else set()
    errors += [{"loc": ["body", "recipients", n, "organization_id"],
                "msg": "no such organization in this network", "type": "not_found"}
               for n, row in enumerate(batch.recipients)
               if row.organization_id and row.organization_id not in known]
    if errors:
        raise Invalid(f"{len(errors)} of the recipients cannot be stored",
                      kind="invalid-recipients", errors=errors)
    now = utcnow()
    stmt = insert(Recipient).values([
        {**row.model_dump(), "tenant": principal.tenant, "grants": [],
         "preferences": DEFAULTS, "digest_since": now, "version": 1, "created_at": now,
         "updated_at": now} for row in batch.recipients])
    changed = {c: stmt.excluded[c] for c in ("name", "email", "organization_id",
                                               "external_ids")}
    await session.execute(stmt.on_conflict_do_update(
        index_elements=[Recipient.tenant, Recipient.subject],
        set_={**changed, "version": Recipient.version + 1, "updated_at": now},
        where=func.row(*[getattr(Recipient, c) for c in changed]).is_distinct_from(
            func.row(*changed.values()))))
    return list((await session.execute(select(Recipient).where(
        Recipient.tenant == principal.tenant, Recipient.subject.in_(seen))
        .order_by(Recipient.subject).execution_options(populate_existing=True))).scalars())


LISTING = Listing(Recipient)


async def list_(rows: Rows, principal: Principal,
                page: PageParams) -> Page[schemas.RecipientRead]:
    require_network_admin(principal)
    async with rows.reader(principal.tenant) as reader:
        return await LISTING.page(reader, page, schemas.RecipientRead)
