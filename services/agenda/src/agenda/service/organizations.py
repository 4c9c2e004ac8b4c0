"""The network's directory of organizations, synchronisable with CRMs by external id."""

from __future__ import annotations

import uuid
from typing import cast

from sqlalchemy import Table, bindparam, func, select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from agenda import schemas
from agenda.events import outbox
from agenda.models import Organization, OrganizationExternalId
from agenda.service.access import require_directory_editor
from backbone.auth.principal import Principal
from backbone.contracts.agenda.events import ORGANIZATION_CREATED, ORGANIZATION_UPDATED
from backbone.db import ConcurrentWriteError, violated_unique_constraint
from backbone.errors import Conflict, Invalid, NotFound
from backbone.http.etag import check_if_match
from backbone.http.pagination import Page, PageParams
from backbone.listing import Listing
from backbone.repository import apply_changes, get_owned, insert_new
from backbone.rows import Rows

EXTERNAL_ID_KEY = cast(Table, OrganizationExternalId.__table__).primary_key.name


class ExternalIdTakenError(Conflict):
    """Another organization holds one of the CRM ids."""

    def __init__(self, system: str, external_id: str, holder: uuid.UUID) -> None:
        super().__init__(f"{system} id {external_id!r} belongs to organization {holder}.",
                         kind="external-id-taken")
        self.system = system
        self.external_id = external_id


async def _set_external_ids(
    session: AsyncSession, org: Organization, external_ids: dict[str, str],
    known_free: frozenset[tuple[str, str]] = frozenset(),
) -> bool:
    """Replace the organization's CRM ids; 409 if another organization holds one of them.

    ``known_free``: ids the caller has just looked up and found unheld, not looked up
    again (one taken since fails on the unique key when the row is written)."""
    if external_ids == org.external_ids:
        return False
    for system, external_id in external_ids.items():
        if (system, external_id) in known_free:
            continue
        holder = await session.scalar(select(OrganizationExternalId.organization_id).where(
            OrganizationExternalId.tenant == org.tenant,
            OrganizationExternalId.system == system,
            OrganizationExternalId.external_id == external_id))
        if holder is not None and holder != org.id:
            raise ExternalIdTakenError(system, external_id, holder)
    rows = {}
    removed = False
    for row in org.external_id_rows:
        if external_ids.get(row.system) == row.external_id:
            rows[row.system] = row
        else:
            await session.delete(row)
            removed = True
    if removed:
        await session.flush()  # free the old ids before new rows take their place
    for system, external_id in external_ids.items():
        if system not in rows:
            rows[system] = OrganizationExternalId(tenant=org.tenant, system=system,
                                                  external_id=external_id,
                                                  organization_id=org.id)
            await insert_new(session, rows[system])
    # What is stored now, as if loaded: nothing left for the unit of work to reconcile.
    set_committed_value(org, "external_id_rows", [rows[s] for s in sorted(rows)])
    return True


async def create(
    session: AsyncSession, principal: Principal, data: schemas.OrganizationCreate,
    known_free: frozenset[tuple[str, str]] = frozenset(),
) -> Organization:
    await require_directory_editor(session, principal)
    org = Organization(id=uuid.uuid4(), tenant=principal.tenant,
                       **data.columns(exclude=frozenset({"external_ids"})))
    org.external_id_rows = []
    await insert_new(session, org)
    await _set_external_ids(session, org, data.external_ids, known_free)
    await outbox.emit_state(session, ORGANIZATION_CREATED, org, None)
    return org


_EXTERNAL_ID_ROWS = select(OrganizationExternalId).where(
    OrganizationExternalId.organization_id == bindparam("organization_id")).order_by(
    OrganizationExternalId.system)


async def _with_external_ids(session: AsyncSession, org: Organization) -> Organization:
    """The organization with its CRM id rows loaded."""
    rows = await session.scalars(_EXTERNAL_ID_ROWS, {"organization_id": org.id})
    set_committed_value(org, "external_id_rows", list(rows))
    return org


async def get(session: AsyncSession, principal: Principal, id_: uuid.UUID,
              *, lock: bool = False) -> Organization:
    return await _with_external_ids(session, await get_owned(
        session, Organization, principal.tenant, id_, "organization", lock=lock))


# The organization whose id the CRM id's row holds, found by primary keys, not by a join:
# whatever plan PostgreSQL caches for the prepared statement, it stays two index lookups. A
# join's generic plan, cached while the tables were still empty, scanned every organization
# of the tenant (``docs/benchmarks.md``).
_BY_EXTERNAL_ID = select(Organization).where(Organization.id == select(
    OrganizationExternalId.organization_id).where(
    OrganizationExternalId.tenant == bindparam("tenant"),
    OrganizationExternalId.system == bindparam("system"),
    OrganizationExternalId.external_id == bindparam("external_id")).scalar_subquery())
# An upsert's lookup locks the organization it finds (and loads it as it is once locked):
# one round trip, not a lookup and then a locking refresh. ``FOR NO KEY UPDATE``, as
# ``get_owned`` takes: rows that merely reference it are not held up.
_BY_EXTERNAL_ID_LOCKED = _BY_EXTERNAL_ID.with_for_update(
    key_share=True).execution_options(populate_existing=True)


async def find_by_external_id(
    session: AsyncSession, principal: Principal, system: str, external_id: str,
    *, lock: bool = False,
) -> Organization | None:
    """The organization holding the CRM id; ``lock``: locked for update until the
    transaction ends."""
    org = await session.scalar(
        _BY_EXTERNAL_ID_LOCKED if lock else _BY_EXTERNAL_ID,
        {"tenant": principal.tenant, "system": system, "external_id": external_id})
    return None if org is None else await _with_external_ids(session, org)


async def get_by_external_id(
    session: AsyncSession, principal: Principal, system: str, external_id: str
) -> Organization:
    org = await find_by_external_id(session, principal, system, external_id)
    if org is None:
        raise NotFound.of("organization")
    return org


_EXTERNAL_IDS = select(func.coalesce(
    func.json_object_agg(OrganizationExternalId.system,
                         aggregate_order_by(OrganizationExternalId.external_id,
                                            OrganizationExternalId.system)),
    func.json_build_object())).where(OrganizationExternalId.organization_id == Organization.id)
LISTING = Listing(Organization, extra=[_EXTERNAL_IDS.scalar_subquery().label("external_ids")],
                  filters={"sector": Organization.sector == bindparam("sector"),
                           "q": func.lower(Organization.name).contains(bindparam("q"),
                                                                       escape="/")})


async def list_(
    rows: Rows, principal: Principal, params: PageParams,
    sector: schemas.Sector | None, q: str | None,
) -> Page[schemas.OrganizationRead]:
    """The directory; ``q``: the name contains it, case-insensitively."""
    pattern = None
    if q:
        pattern = q.lower().replace("/", "//").replace("%", "/%").replace("_", "/_")
    async with rows.reader(principal.tenant) as reader:
        return await LISTING.page(reader, params, schemas.OrganizationRead, sector=sector,
                                  q=pattern)


async def _update(
    session: AsyncSession, principal: Principal, org: Organization,
    changes: dict[str, object], external_ids: dict[str, str] | None,
) -> Organization:
    changed = apply_changes(org, changes)
    if external_ids is not None and await _set_external_ids(session, org, external_ids):
        if not changed:
            org.touch()
        changed = True
    if changed:
        await outbox.emit_state(session, ORGANIZATION_UPDATED, org, None)
    return org


async def update(
    session: AsyncSession, principal: Principal, id_: uuid.UUID,
    patch: schemas.OrganizationUpdate, if_match: str | None,
) -> Organization:
    org = await get(session, principal, id_, lock=True)
    await require_directory_editor(session, principal, org.id)
    check_if_match(if_match, org.version)
    external_ids = patch.external_ids if "external_ids" in patch.model_fields_set else None
    return await _update(session, principal, org,
                         patch.columns(exclude=frozenset({"external_ids"})), external_ids)


async def upsert_by_external_id(
    session: AsyncSession, principal: Principal, system: str, external_id: str,
    data: schemas.OrganizationCreate, if_match: str | None,
) -> tuple[Organization, bool]:
    """Create or replace the organization that has this CRM id; True when it was created.

    Access is checked before ``If-Match``, so a caller who may not edit learns no ETag."""
    external_ids = {**data.external_ids, system: external_id}
    if data.external_ids.get(system, external_id) != external_id:
        raise Invalid(f"The body's {system} id differs from the path's.",
                      kind="external-id-mismatch")
    org = await find_by_external_id(session, principal, system, external_id, lock=True)
    if org is None:
        data = data.model_copy(update={"external_ids": external_ids})
        try:
            created = await create(session, principal, data,
                                   known_free=frozenset({(system, external_id)}))
        except IntegrityError as exc:
            # Another request created it since the lookup: run again, and update it.
            if violated_unique_constraint(exc) == EXTERNAL_ID_KEY:
                raise ConcurrentWriteError(f"{system} id {external_id!r} was just created") \
                    from exc
            raise
        return created, True
    await require_directory_editor(session, principal, org.id)
    check_if_match(if_match, org.version)
    changes = data.columns(exclude=frozenset({"external_ids"}))
    return await _update(session, principal, org, changes, external_ids), False
