"""Webhook endpoints, their secrets and their delivery logs."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.http.deps import (
    CurrentPrincipal,
    IdempotencyKey,
    IfMatch,
    ReadSession,
    RowReads,
    Write,
    entity_response,
)
from backbone.http.pagination import Page, Pages, page_response
from backbone.http.policy import Access, access
from backbone.http.problems import PROBLEM_RESPONSES
from notifications import schemas
from notifications.config import Settings
from notifications.service import deliveries, endpoints

router = APIRouter(prefix="/v1", tags=["webhooks"], responses=PROBLEM_RESPONSES)
ITEM = "/webhook-endpoints/{endpoint_id}"


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


@router.post("/webhook-endpoints", status_code=201, response_model=schemas.EndpointCreated,
             openapi_extra=access(Access.BACKBONE_STAFF),
             operation_id="createWebhookEndpoint",
             summary="Register an endpoint (network admins; an initiative's backbone staff "
                     "for that initiative's)")
async def create_endpoint(body: schemas.EndpointCreate, write: Write, request: Request,
                          key: IdempotencyKey = None) -> Response:
    settings = _settings(request)
    return await write.run(lambda s: endpoints.create(s, write.principal, body, settings),
                           schemas.EndpointCreated, status_code=201, idempotency_key=key)


@router.get("/webhook-endpoints", response_model=Page[schemas.EndpointRead],
            operation_id="listWebhookEndpoints",
            summary="The endpoints the caller manages")
async def list_endpoints(rows: RowReads, principal: CurrentPrincipal, page: Pages,
                         initiative_id: uuid.UUID | None = None
                         ) -> Response:
    return page_response(await endpoints.list_(rows, principal, page, initiative_id))


@router.get(ITEM, response_model=schemas.EndpointRead, operation_id="getWebhookEndpoint",
            summary="An endpoint (ETag in the response)")
async def get_endpoint(endpoint_id: uuid.UUID, session: ReadSession,
                       principal: CurrentPrincipal) -> Response:
    endpoint = await endpoints.load(session, principal, endpoint_id)
    return entity_response(schemas.EndpointRead.model_validate(endpoint))


@router.patch(ITEM, response_model=schemas.EndpointRead, operation_id="updateWebhookEndpoint",
              openapi_extra=access(Access.BACKBONE_STAFF),
              summary="Change an endpoint (If-Match: its ETag)")
async def update_endpoint(endpoint_id: uuid.UUID, body: schemas.EndpointUpdate, write: Write,
                          request: Request, if_match: IfMatch = None) -> Response:
    settings = _settings(request)
    return await write.run(
        lambda s: endpoints.update(s, write.principal, endpoint_id, body, if_match, settings),
        schemas.EndpointRead)


@router.delete(ITEM, status_code=204, operation_id="deleteWebhookEndpoint",
               openapi_extra=access(Access.BACKBONE_STAFF),
               summary="Delete an endpoint and its delivery log")
async def delete_endpoint(endpoint_id: uuid.UUID, write: Write,
                          if_match: IfMatch = None) -> Response:
    return await write.run(
        lambda s: endpoints.delete(s, write.principal, endpoint_id, if_match), None,
        status_code=204)


@router.post(f"{ITEM}/secret/rotate", response_model=schemas.EndpointSecret,
             openapi_extra=access(Access.BACKBONE_STAFF),
             operation_id="rotateWebhookSecret",
             summary="A new signing secret; the old one keeps signing during the overlap")
async def rotate_secret(endpoint_id: uuid.UUID, write: Write, request: Request) -> Response:
    settings = _settings(request)
    return await write.run(
        lambda s: endpoints.rotate_secret(s, write.principal, endpoint_id, settings),
        schemas.EndpointSecret)


@router.get(f"{ITEM}/deliveries", response_model=Page[schemas.DeliveryRead],
            operation_id="listWebhookDeliveries",
            summary="The endpoint's delivery log, newest changes last")
async def list_deliveries(endpoint_id: uuid.UUID, rows: RowReads,
                          principal: CurrentPrincipal, page: Pages,
                          status: schemas.DeliveryStatus | None = None
                          ) -> Response:
    return page_response(await deliveries.list_(rows, principal, endpoint_id, page, status))


@router.post("/deliveries/{delivery_id}/resend", status_code=202,
             openapi_extra=access(Access.BACKBONE_STAFF),
             response_model=schemas.DeliveryRead, operation_id="resendWebhookDelivery",
             summary="Send a delivery again, with the same webhook-id")
async def resend_delivery(delivery_id: uuid.UUID, write: Write) -> Response:
    return await write.run(lambda s: deliveries.resend(s, write.principal, delivery_id),
                           schemas.DeliveryRead, status_code=202)


@router.post(f"{ITEM}/test", status_code=202, response_model=schemas.DeliveryRead,
             openapi_extra=access(Access.BACKBONE_STAFF),
             operation_id="testWebhookEndpoint",
             summary="Send the endpoint a signed endpoint.tested event now")
async def test_endpoint(endpoint_id: uuid.UUID, write: Write) -> Response:
    return await write.run(lambda s: deliveries.test(s, write.principal, endpoint_id),
                           schemas.DeliveryRead, status_code=202)


@router.post(f"{ITEM}/recover", status_code=202, response_model=schemas.Recovered,
             openapi_extra=access(Access.BACKBONE_STAFF),
             operation_id="recoverWebhookDeliveries",
             summary="Send again every delivery that failed since a time")
async def recover_deliveries(endpoint_id: uuid.UUID, body: schemas.RecoverRequest,
                             write: Write) -> Response:
    async def command(session: AsyncSession) -> schemas.Recovered:
        return schemas.Recovered(scheduled=await deliveries.recover(
            session, write.principal, endpoint_id, body.since))

    return await write.run(command, schemas.Recovered, status_code=202)
