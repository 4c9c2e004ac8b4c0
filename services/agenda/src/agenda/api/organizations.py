"""The network's organization directory, with CRM lookups and upserts by external id."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from agenda import schemas
from agenda.service import organizations
from backbone.http.deps import (
    CurrentPrincipal,
    IdempotencyKey,
    IfMatch,
    RowReads,
    Write,
    entity_response,
)
from backbone.http.pagination import Page, Pages, page_response
from backbone.http.policy import Access, access
from backbone.http.problems import PROBLEM_RESPONSES
from backbone.rowwrites import RowWriter

router = APIRouter(prefix="/v1", tags=["organizations"], responses=PROBLEM_RESPONSES)

SystemPath = Annotated[str, Path(pattern=r"^[a-z0-9_-]{1,50}$", examples=["salesforce"])]
ExternalIdPath = Annotated[str, Path(min_length=1, max_length=200, pattern=r"^\S(.*\S)?$")]


@router.post("/organizations", status_code=201, response_model=schemas.OrganizationRead,
             openapi_extra=access(Access.DIRECTORY),
             operation_id="createOrganization", summary="Add an organization to the directory")
async def create_organization(
    body: schemas.OrganizationCreate, write: Write, key: IdempotencyKey = None
) -> Response:
    return await write.run_rows(lambda w: organizations.create(w, write.principal, body),
                                schemas.OrganizationRead, status_code=201,
                                idempotency_key=key)


@router.get("/organizations", response_model=Page[schemas.OrganizationRead],
            operation_id="listOrganizations",
            summary="The directory, filtered by sector or name")
async def list_organizations(
    rows: RowReads, principal: CurrentPrincipal, page: Pages,
    sector: schemas.Sector | None = None,
    q: Annotated[str | None, Query(max_length=200, description="Name contains.")] = None,
) -> Response:
    return page_response(await organizations.list_(rows, principal, page, sector, q))


@router.get("/organizations/{organization_id}", response_model=schemas.OrganizationRead,
            operation_id="getOrganization", summary="An organization")
async def get_organization(
    organization_id: uuid.UUID, rows: RowReads, principal: CurrentPrincipal
) -> Response:
    org = await organizations.get(rows, principal, organization_id)
    return entity_response(schemas.OrganizationRead.model_validate(org))


@router.patch("/organizations/{organization_id}", response_model=schemas.OrganizationRead,
              openapi_extra=access(Access.ORGANIZATION_ENTRY),
              operation_id="updateOrganization", summary="Change an organization")
async def update_organization(
    organization_id: uuid.UUID, body: schemas.OrganizationUpdate, write: Write,
    if_match: IfMatch = None,
) -> Response:
    return await write.run_rows(
        lambda w: organizations.update(w, write.principal, organization_id, body, if_match),
        schemas.OrganizationRead)


@router.get("/organizations/by-external-id/{system}/{external_id}",
            response_model=schemas.OrganizationRead, operation_id="getOrganizationByExternalId",
            summary="Look an organization up by its id in another system (e.g. a CRM)")
async def get_organization_by_external_id(
    system: SystemPath, external_id: ExternalIdPath, rows: RowReads,
    principal: CurrentPrincipal,
) -> Response:
    org = await organizations.get_by_external_id(rows, principal, system, external_id)
    return entity_response(schemas.OrganizationRead.model_validate(org))


@router.put("/organizations/by-external-id/{system}/{external_id}",
            openapi_extra=access(Access.ORGANIZATION_ENTRY),
            response_model=schemas.OrganizationRead, operation_id="upsertOrganizationByExternalId",
            responses={201: {"model": schemas.OrganizationRead, "description": "Created"}},
            summary="Create or replace the organization with this external id (CRM sync)")
async def upsert_organization_by_external_id(
    system: SystemPath, external_id: ExternalIdPath, body: schemas.OrganizationCreate,
    write: Write, if_match: IfMatch = None,
) -> Response:
    created = False

    async def command(writer: RowWriter) -> organizations.OrganizationRow:
        nonlocal created
        org, created = await organizations.upsert_by_external_id(
            writer, write.principal, system, external_id, body, if_match)
        return org

    response = await write.run_rows(command, schemas.OrganizationRead)
    if created:
        response.status_code = 201
    return response
