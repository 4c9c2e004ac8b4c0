"""Create, read, update and delete for entities that live inside an initiative.

Every service knows the initiatives: agenda owns them, the others keep the library's agenda
read model (``backbone.readmodels.agenda``), or a table of their own opened from it. An
``InitiativeResource`` checks the caller's role in the owning initiative, changes the
entity and adds the matching event to the outbox.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Generic, TypeVar, cast

from pydantic import BaseModel
from sqlalchemy import ColumnElement, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.access import require_role
from backbone.auth.principal import InitiativeRole, Principal
from backbone.db import TenantEntity, TenantScoped
from backbone.errors import Invalid
from backbone.events.outbox import Outbox
from backbone.events.registry import EventType
from backbone.http.etag import check_if_match
from backbone.http.pagination import Page, PageParams
from backbone.listing import Listing
from backbone.repository import apply_changes, get_owned, insert_new
from backbone.rows import RowReader, Rows

E = TypeVar("E", bound=TenantEntity)
T = TypeVar("T", bound=BaseModel)

ChangeHook = Callable[[AsyncSession, Principal, Any, str], Awaitable[Any]]
"""Called after each change with the (locked) initiative and the event name."""
Check = Callable[[Any], Awaitable[None]]
"""Validates a change (e.g. its references) once the caller's access is established, so a
caller who may not make it learns nothing from the validation."""


@dataclass(frozen=True)
class InitiativeResource(Generic[E]):
    """One kind of entity owned by an initiative; backbone staff change it, viewers read it.

    With ``after_change`` the initiative row is locked during changes (so the hook sees
    changes one at a time) and the hook runs after each of them.
    """

    model: type[E]
    what: str
    initiative_model: type[TenantScoped]
    outbox: Outbox
    created: EventType
    updated: EventType
    deleted: EventType | None = None
    after_change: ChangeHook | None = None
    filters: Mapping[str, ColumnElement[bool]] = field(default_factory=dict)
    """The conditions a list may be filtered by (``backbone.listing``)."""
    under: str | None = None
    """The filter naming the item of another resource these entities are listed under
    (``list_under``: a goal's strategies, an activity's updates)."""

    def __post_init__(self) -> None:
        # Built now, so a table without a list's index fails at import.
        self.listing  # noqa: B018
        if self.under is not None:
            self.listing_under  # noqa: B018

    async def get(self, session: AsyncSession, principal: Principal, id_: uuid.UUID) -> E:
        entity = await get_owned(session, self.model, principal.tenant, id_, self.what)
        require_role(principal, cast(Any, entity).initiative_id, InitiativeRole.VIEWER)
        return entity

    async def row(self, rows: Rows, principal: Principal, id_: uuid.UUID) -> dict[str, Any]:
        """What ``get`` checks and finds, as a row: for ``GET`` by id."""
        async with rows.reader(principal.tenant) as reader:
            return await self._readable_row(reader, principal, id_)

    async def _readable_row(self, reader: RowReader, principal: Principal,
                            id_: uuid.UUID) -> dict[str, Any]:
        row = await reader.owned(self.model, id_, self.what)
        require_role(principal, row["initiative_id"], InitiativeRole.VIEWER)
        return row

    @cached_property
    def listing(self) -> Listing:
        model: Any = self.model
        return Listing(model, [model.initiative_id == bindparam("initiative_id")],
                       self.filters)

    @cached_property
    def listing_under(self) -> Listing:
        """The list under an item: scoped by it too, so that it reads by an index of its
        own (led by the item's column) when the condition is an equality."""
        model: Any = self.model
        assert self.under is not None
        return Listing(model, [model.initiative_id == bindparam("initiative_id"),
                               self.filters[self.under]],
                       {k: v for k, v in self.filters.items() if k != self.under})

    async def list(
        self, rows: Rows, principal: Principal, initiative_id: uuid.UUID, params: PageParams,
        schema: type[T], **filters: Any,
    ) -> Page[T]:
        """A page of the initiative's entities; ``filters`` give values to the resource's
        ``filters`` (``None``: not applied)."""
        async with rows.reader(principal.tenant) as reader:
            await initiative_row(reader, principal, self.initiative_model, initiative_id)
            return await self.listing.page(reader, params, schema,
                                           initiative_id=initiative_id, **filters)

    async def list_under(
        self, rows: Rows, principal: Principal, parent: InitiativeResource[Any],
        parent_id: uuid.UUID, params: PageParams, schema: type[T],
    ) -> Page[T]:
        """A page of the entities under an item of ``parent`` the caller may read (e.g. a
        goal's strategies), the item named by the ``under`` filter."""
        assert self.under is not None, f"{self.what} is not listed under another item"
        async with rows.reader(principal.tenant) as reader:
            item = await parent._readable_row(reader, principal, parent_id)
            return await self.listing_under.page(reader, params, schema,
                                                 initiative_id=item["initiative_id"],
                                                 **{self.under: parent_id})

    async def managed_initiative(
        self, session: AsyncSession, principal: Principal, initiative_id: uuid.UUID
    ) -> Any:
        initiative = await get_owned(session, self.initiative_model, principal.tenant,
                                     initiative_id, "initiative",
                                     lock=self.after_change is not None)
        require_role(principal, initiative_id, InitiativeRole.BACKBONE)
        return initiative

    async def _changed(
        self, session: AsyncSession, principal: Principal, initiative: Any, change: str
    ) -> None:
        if self.after_change is not None:
            await self.after_change(session, principal, initiative, change)

    async def create(
        self, session: AsyncSession, principal: Principal, initiative_id: uuid.UUID,
        values: dict[str, Any], check: Check | None = None,
    ) -> E:
        """``check`` gets the initiative."""
        initiative = await self.managed_initiative(session, principal, initiative_id)
        if check is not None:
            await check(initiative)
        entity: E = cast(Any, self.model)(tenant=principal.tenant, initiative_id=initiative_id,
                                          **values)
        await insert_new(session, entity)
        await self.outbox.emit_state(session, self.created, entity, initiative_id)
        await self._changed(session, principal, initiative, self.created.name)
        return entity

    async def load_for_change(
        self, session: AsyncSession, principal: Principal, id_: uuid.UUID, if_match: str | None
    ) -> tuple[E, Any]:
        entity = await get_owned(session, self.model, principal.tenant, id_, self.what, lock=True)
        initiative = await self.managed_initiative(session, principal,
                                                   cast(Any, entity).initiative_id)
        check_if_match(if_match, entity.version)
        return entity, initiative

    async def update(
        self, session: AsyncSession, principal: Principal, id_: uuid.UUID,
        changes: dict[str, Any], if_match: str | None, check: Check | None = None,
    ) -> E:
        """``check`` gets the entity, before it changes."""
        entity, initiative = await self.load_for_change(session, principal, id_, if_match)
        if check is not None:
            await check(entity)
        if apply_changes(entity, changes):
            await self.outbox.emit_state(session, self.updated, entity, initiative.id)
            await self._changed(session, principal, initiative, self.updated.name)
        return entity

    async def delete(
        self, session: AsyncSession, principal: Principal, id_: uuid.UUID, if_match: str | None
    ) -> None:
        if self.deleted is None:
            raise TypeError(f"{self.what} entities are not deleted")
        entity, initiative = await self.load_for_change(session, principal, id_, if_match)
        await self.outbox.emit_removed(session, self.deleted, entity)
        await session.delete(entity)
        await self._changed(session, principal, initiative, self.deleted.name)


async def initiative_row(
    reader: RowReader, principal: Principal, model: type[TenantScoped],
    initiative_id: uuid.UUID, role: InitiativeRole = InitiativeRole.VIEWER,
) -> dict[str, Any]:
    """The initiative's row, if the caller has ``role`` in it: a missing or another
    tenant's initiative is a 404 before the role is looked at (``require_role``)."""
    initiative = await reader.owned(model, initiative_id, "initiative")
    require_role(principal, initiative_id, role)
    return initiative


async def ensure_in_initiative(
    session: AsyncSession, model: Any, initiative_id: uuid.UUID, ids: Sequence[uuid.UUID],
    field: str,
) -> None:
    """422 unless every id names an entity of ``model`` in the initiative."""
    if not ids:
        return
    found = set((await session.execute(
        select(model.id).where(model.initiative_id == initiative_id, model.id.in_(ids))
    )).scalars())
    missing = [str(i) for i in ids if i not in found]
    if missing:
        raise Invalid(
            f"{field} names ids that are not in this initiative: {', '.join(missing)}",
            kind="unknown-reference",
            errors=[{"loc": ["body", field], "msg": f"unknown: {m}", "type": "unknown_reference"}
                    for m in missing],
        )
