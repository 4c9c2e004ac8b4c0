"""Routes for one item of an initiative resource: GET, PATCH and DELETE by id.

Annotations here are evaluated at definition time (no ``from __future__ import
annotations``) because the route signatures are built from the arguments.
"""

import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import APIRouter, Path, Response
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.principal import Principal
from backbone.http import policy
from backbone.http.deps import CurrentPrincipal, IfMatch, RowReads, Write, entity_response
from backbone.http.policy import Access
from backbone.http.schemas import Patch
from backbone.resources import InitiativeResource

Updater = Callable[[AsyncSession, Principal, uuid.UUID, Any, str | None], Awaitable[Any]]
Deleter = Callable[[AsyncSession, Principal, uuid.UUID, str | None], Awaitable[None]]
Shown = Callable[[Principal, Any], Any]
"""What a caller is shown of an item read (e.g. fields only some roles may see)."""


def add_item_routes(
    router: APIRouter,
    resource: InitiativeResource[Any],
    *,
    path: str,
    name: str,
    read: type[BaseModel],
    update: type[Patch],
    updater: Updater | None = None,
    deleter: Deleter | None = None,
    shown: Shown | None = None,
    access: Access = Access.BACKBONE_STAFF,
    delete_access: Access | None = None,
) -> None:
    """Register ``GET/PATCH/DELETE {path}``, whose last segment is the id parameter.

    ``access`` declares who may change an item, ``delete_access`` who may delete one (the
    same, unless said): backbone staff, as the resource's own checks have it, unless a
    custom ``updater`` or ``deleter`` lets others.

    DELETE is left out for resources that are never deleted (no ``deleted`` event type).
    """
    item_id_type = Annotated[uuid.UUID, Path(alias=path.rsplit("{", 1)[1].rstrip("}"))]
    do_update: Updater = updater or (
        lambda s, p, i, body, m: resource.update(s, p, i, body.columns(), m))
    do_delete: Deleter = deleter or resource.delete

    async def get_item(item_id: item_id_type, rows: RowReads,
                       principal: CurrentPrincipal) -> Response:
        item = read.model_validate(await resource.row(rows, principal, item_id))
        return entity_response(shown(principal, item) if shown else item)

    async def update_item(item_id: item_id_type, body: update, write: Write,  # type: ignore[valid-type]
                          if_match: IfMatch = None) -> Response:
        return await write.run(lambda s: do_update(s, write.principal, item_id, body, if_match),
                               read)

    async def delete_item(item_id: item_id_type, write: Write,
                          if_match: IfMatch = None) -> Response:
        return await write.run(lambda s: do_delete(s, write.principal, item_id, if_match), None)

    label = f"{'an' if resource.what[0] in 'aeiou' else 'a'} {resource.what}"
    router.add_api_route(path, get_item, methods=["GET"], response_model=read,
                         operation_id=f"get{name}",
                         summary=f"{label.capitalize()} (ETag in the response)")
    router.add_api_route(path, update_item, methods=["PATCH"], response_model=read,
                         operation_id=f"update{name}", openapi_extra=policy.access(access),
                         summary=f"Change {label} (If-Match for safe concurrent edits)")
    if resource.deleted is None and deleter is None:
        return
    router.add_api_route(path, delete_item, methods=["DELETE"], status_code=204,
                         response_class=Response, operation_id=f"delete{name}",
                         openapi_extra=policy.access(delete_access or access),
                         summary=f"Delete {label}")
