"""The network's directory of organizations, synchronisable with CRMs by external id.

Written and read on the row pool (``backbone.rowwrites``, ``backbone.rows``): an
organization is its row as a dict, with ``external_ids`` (system -> id) beside the columns.
"""

from __future__ import annotations

import uuid
from typing import Any, cast

import asyncpg
from sqlalchemy import (
    CTE,
    Insert,
    String,
    Table,
    Uuid,
    any_,
    bindparam,
    delete,
    exists,
    func,
    insert,
    select,
    true,
)
from sqlalchemy.dialects.postgresql import ARRAY, aggregate_order_by

from agenda import schemas
from agenda.events import outbox
from agenda.models import Organization, OrganizationExternalId
from agenda.service.access import edits_whole_directory, require_directory_editor
from backbone.auth.principal import Principal
from backbone.contracts.agenda.events import ORGANIZATION_CREATED, ORGANIZATION_UPDATED
from backbone.db import ConcurrentWriteError, utcnow, violated_unique_constraint
from backbone.errors import Conflict, Invalid, NotFound
from backbone.http.etag import check_if_match
from backbone.http.pagination import Page, PageParams
from backbone.listing import Listing
from backbone.rows import RowQuery, RowReader, Rows, RowStatement
from backbone.rowwrites import RowWriter

ORGANIZATIONS = cast(Table, Organization.__table__)
EXTERNAL_IDS = cast(Table, OrganizationExternalId.__table__)
EXTERNAL_ID_KEY = EXTERNAL_IDS.primary_key.name

OrganizationRow = dict[str, Any]
"""An organization's columns, and ``external_ids``."""


class ExternalIdTakenError(Conflict):
    """Another organization holds one of the CRM ids."""

    def __init__(self, system: str, external_id: str, holder: uuid.UUID) -> None:
        super().__init__(f"{system} id {external_id!r} belongs to organization {holder}.",
                         kind="external-id-taken")
        self.system = system
        self.external_id = external_id


_HOLDER = RowQuery(select(OrganizationExternalId.organization_id).where(
    OrganizationExternalId.tenant == bindparam("tenant"),
    OrganizationExternalId.system == bindparam("system"),
    OrganizationExternalId.external_id == bindparam("external_id")))
_EXTERNAL_ID_ROWS = RowQuery(select(
    OrganizationExternalId.system, OrganizationExternalId.external_id).where(
    OrganizationExternalId.organization_id == bindparam("organization_id")).order_by(
    OrganizationExternalId.system))
_REMOVE_EXTERNAL_IDS = RowStatement(delete(EXTERNAL_IDS).where(
    EXTERNAL_IDS.c.organization_id == bindparam("organization_id"),
    EXTERNAL_IDS.c.system == any_(bindparam("systems", type_=ARRAY(String)))))
# CRM ids' rows are inserted from two arrays (systems, ids): one statement for any number.
_IDS = func.unnest(bindparam("systems", type_=ARRAY(String)),
                   bindparam("external_ids", type_=ARRAY(String))).table_valued(
    "system", "external_id").render_derived(name="ids")
_ID_COLUMNS = ["tenant", "system", "external_id", "organization_id"]
_ADD_EXTERNAL_IDS = RowStatement(insert(EXTERNAL_IDS).from_select(_ID_COLUMNS, select(
    bindparam("tenant", type_=String), _IDS.c.system, _IDS.c.external_id,
    bindparam("organization_id", type_=Uuid)).select_from(_IDS)))


async def _check_free(writer: RowWriter, tenant: str, external_ids: dict[str, str],
                      known_free: frozenset[tuple[str, str]] = frozenset()) -> None:
    """409 if another organization holds one of these CRM ids. ``known_free``: ids the
    caller has just looked up and found unheld, not looked up again (one taken since fails
    on the unique key when the row is written)."""
    for system, external_id in external_ids.items():
        if (system, external_id) in known_free:
            continue
        holder = await writer.one(_HOLDER, {"tenant": tenant, "system": system,
                                            "external_id": external_id})
        if holder is not None:
            raise ExternalIdTakenError(system, external_id, holder["organization_id"])


async def _set_external_ids(
    writer: RowWriter, org: OrganizationRow, external_ids: dict[str, str]
) -> bool:
    """Replace the organization's CRM ids; 409 if another organization holds one of them
    (``_check_free``)."""
    current: dict[str, str] = org["external_ids"]
    if external_ids == current:
        return False
    added = {s: i for s, i in external_ids.items() if current.get(s) != i}
    await _check_free(writer, org["tenant"], added)
    removed = [s for s, i in current.items() if external_ids.get(s) != i]
    if removed:  # freed before new rows take their place
        await writer.execute(_REMOVE_EXTERNAL_IDS, {"organization_id": org["id"],
                                                    "systems": removed})
    if added:
        await writer.execute(_ADD_EXTERNAL_IDS, {
            "tenant": org["tenant"], "organization_id": org["id"], "systems": list(added),
            "external_ids": list(added.values())})
    org["external_ids"] = dict(sorted(external_ids.items()))
    return True


# A new organization and its CRM ids in one statement (one round trip): the ids' rows are
# inserted from the arrays, and their foreign key is checked at the statement's end, when
# the organization's row is there.
def _ids_of(new: CTE) -> Insert:
    """The CRM ids' rows of the organization ``new`` returns (none if it returns none)."""
    return insert(EXTERNAL_IDS).from_select(_ID_COLUMNS, select(
        new.c.tenant, _IDS.c.system, _IDS.c.external_id, new.c.id).select_from(
        new.join(_IDS, true())))


_CREATE = RowStatement(_ids_of(insert(ORGANIZATIONS).values(
    {c.name: bindparam(c.name) for c in ORGANIZATIONS.columns}).returning(
    ORGANIZATIONS.c.id, ORGANIZATIONS.c.tenant).cte("new")))


def _new_row(principal: Principal, data: schemas.OrganizationCreate) -> OrganizationRow:
    now = utcnow()
    return {**data.columns(exclude=frozenset({"external_ids"})), "id": uuid.uuid4(),
            "tenant": principal.tenant, "version": 1, "created_at": now, "updated_at": now}


def _id_arrays(external_ids: dict[str, str]) -> dict[str, list[str]]:
    return {"systems": list(external_ids), "external_ids": list(external_ids.values())}


def _created(writer: RowWriter, org: OrganizationRow,
             external_ids: dict[str, str]) -> OrganizationRow:
    org["external_ids"] = external_ids
    writer.emit_state(outbox, ORGANIZATION_CREATED, org, None)
    return org


async def create(
    writer: RowWriter, principal: Principal, data: schemas.OrganizationCreate,
    known_free: frozenset[tuple[str, str]] = frozenset(),
) -> OrganizationRow:
    await require_directory_editor(writer, principal)
    org = _new_row(principal, data)
    external_ids = dict(sorted(data.external_ids.items()))
    await _check_free(writer, principal.tenant, external_ids, known_free)
    await writer.execute(_CREATE, {**org, **_id_arrays(external_ids)})
    return _created(writer, org, external_ids)


async def _with_external_ids(reader: RowReader, org: dict[str, Any]) -> OrganizationRow:
    rows = await reader.all(_EXTERNAL_ID_ROWS, {"organization_id": org["id"]})
    org["external_ids"] = {system: external_id for system, external_id in rows}
    return org


async def get(rows: Rows, principal: Principal, id_: uuid.UUID) -> OrganizationRow:
    async with rows.reader(principal.tenant) as reader:
        return await _with_external_ids(
            reader, await reader.owned(Organization, id_, "organization"))


# The organization whose id the CRM id's row holds, found by primary keys, not by a join:
# whatever plan PostgreSQL caches for the prepared statement, it stays two index lookups. A
# join's generic plan, cached while the tables were still empty, scanned every organization
# of the tenant (``docs/benchmarks.md``).
_BY_EXTERNAL_ID = select(ORGANIZATIONS).where(ORGANIZATIONS.c.id == select(
    OrganizationExternalId.organization_id).where(
    OrganizationExternalId.tenant == bindparam("tenant"),
    OrganizationExternalId.system == bindparam("system"),
    OrganizationExternalId.external_id == bindparam("external_id")).scalar_subquery())
_FOUND_BY_EXTERNAL_ID = RowQuery(_BY_EXTERNAL_ID)
# An upsert's lookup locks the organization it finds: ``FOR NO KEY UPDATE``, as a lookup by
# id for a change takes (rows that merely reference it are not held up).
_LOCKED = _BY_EXTERNAL_ID.with_for_update(key_share=True)
_LOCKED_BY_EXTERNAL_ID = RowQuery(_LOCKED)


# An upsert's lookup and the create it may make, in one statement (one round trip): the
# organization holding the CRM id, locked; and only if there is none, a new one holding it.
_FOUND = _LOCKED.cte("found")
_NEW_IF_NONE = insert(ORGANIZATIONS).from_select(
    [c.name for c in ORGANIZATIONS.columns],
    select(*[bindparam(c.name, type_=c.type) for c in ORGANIZATIONS.columns]).where(
        ~exists(select(_FOUND.c.id)))).returning(ORGANIZATIONS.c.id, ORGANIZATIONS.c.tenant)
_FOUND_OR_CREATED = RowQuery(select(_FOUND).add_cte(
    _ids_of(_NEW_IF_NONE.cte("new")).cte("new_ids")))


async def find_by_external_id(
    reader: RowReader, principal: Principal, system: str, external_id: str,
    *, lock: bool = False,
) -> OrganizationRow | None:
    org = await reader.one(_LOCKED_BY_EXTERNAL_ID if lock else _FOUND_BY_EXTERNAL_ID,
                           {"tenant": principal.tenant, "system": system,
                            "external_id": external_id})
    return None if org is None else await _with_external_ids(reader, org)


async def get_by_external_id(
    rows: Rows, principal: Principal, system: str, external_id: str
) -> OrganizationRow:
    async with rows.reader(principal.tenant) as reader:
        org = await find_by_external_id(reader, principal, system, external_id)
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
    writer: RowWriter, org: OrganizationRow, changes: dict[str, object],
    external_ids: dict[str, str] | None,
) -> OrganizationRow:
    """Store what changed; the version (the ETag) and ``updated_at`` move only if anything
    did."""
    changed = {name: value for name, value in changes.items() if org[name] != value}
    ids_changed = external_ids is not None and await _set_external_ids(writer, org,
                                                                       external_ids)
    if changed or ids_changed:
        changed |= {"version": org["version"] + 1, "updated_at": utcnow()}
        await writer.update(ORGANIZATIONS, org["id"], changed)
        org.update(changed)
        writer.emit_state(outbox, ORGANIZATION_UPDATED, org, None)
    return org


async def update(
    writer: RowWriter, principal: Principal, id_: uuid.UUID,
    patch: schemas.OrganizationUpdate, if_match: str | None,
) -> OrganizationRow:
    org = await _with_external_ids(
        writer, await writer.owned(Organization, id_, "organization", lock=True))
    await require_directory_editor(writer, principal, org["id"])
    check_if_match(if_match, org["version"])
    external_ids = patch.external_ids if "external_ids" in patch.model_fields_set else None
    return await _update(writer, org, patch.columns(exclude=frozenset({"external_ids"})),
                         external_ids)


async def _found_or_created(
    writer: RowWriter, principal: Principal, system: str, external_id: str,
    data: schemas.OrganizationCreate, external_ids: dict[str, str],
) -> tuple[OrganizationRow, bool]:
    """The organization holding the CRM id, locked, or a new one holding ``external_ids``
    (True)."""
    if edits_whole_directory(principal) and external_ids.keys() == {system}:
        # Nothing to check before a create: the lookup and the create are one statement.
        org = _new_row(principal, data)
        found = await writer.one(_FOUND_OR_CREATED, {
            **org, "system": system, "external_id": external_id, **_id_arrays(external_ids)})
        if found is None:
            return _created(writer, org, external_ids), True
        return await _with_external_ids(writer, found), False
    found = await find_by_external_id(writer, principal, system, external_id, lock=True)
    if found is not None:
        return found, False
    data = data.model_copy(update={"external_ids": external_ids})
    return await create(writer, principal, data,
                        known_free=frozenset({(system, external_id)})), True


async def upsert_by_external_id(
    writer: RowWriter, principal: Principal, system: str, external_id: str,
    data: schemas.OrganizationCreate, if_match: str | None,
) -> tuple[OrganizationRow, bool]:
    """Create or replace the organization that has this CRM id; True when it was created.

    Access is checked before ``If-Match``, so a caller who may not edit learns no ETag."""
    external_ids = {**data.external_ids, system: external_id}
    if data.external_ids.get(system, external_id) != external_id:
        raise Invalid(f"The body's {system} id differs from the path's.",
                      kind="external-id-mismatch")
    try:
        org, created = await _found_or_created(writer, principal, system, external_id, data,
                                               external_ids)
    except asyncpg.UniqueViolationError as exc:
        # Another request created it since the lookup: run again, and update it.
        if violated_unique_constraint(exc) == EXTERNAL_ID_KEY:
            raise ConcurrentWriteError(f"{system} id {external_id!r} was just created") \
                from exc
        raise
    if created:
        return org, True
    await require_directory_editor(writer, principal, org["id"])
    check_if_match(if_match, org["version"])
    changes = data.columns(exclude=frozenset({"external_ids"}))
    return await _update(writer, org, changes, external_ids), False
