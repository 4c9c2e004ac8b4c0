from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.batch_request import BatchRequest
from ...models.import_result import ImportResult
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    initiative_id: UUID,
    *,
    body: BatchRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/initiatives/{initiative_id}/observations/batch".format(
            initiative_id=quote(str(initiative_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImportResult | Problem | None:
    if response.status_code == 200:
        response_200 = ImportResult.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ImportResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    initiative_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BatchRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ImportResult | Problem]:
    """Record up to 10,000 observations with per-row results

     **Who may call:** the initiative's backbone staff and network admins, and its partners for their own
    organization's data.

    Args:
        initiative_id (UUID):
        idempotency_key (None | str | Unset): Retry-safe POST: the same key and body replay the
            first response.
        body (BatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResult | Problem]
    """

    kwargs = _get_kwargs(
        initiative_id=initiative_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    initiative_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BatchRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> ImportResult | Problem | None:
    """Record up to 10,000 observations with per-row results

     **Who may call:** the initiative's backbone staff and network admins, and its partners for their own
    organization's data.

    Args:
        initiative_id (UUID):
        idempotency_key (None | str | Unset): Retry-safe POST: the same key and body replay the
            first response.
        body (BatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResult | Problem
    """

    return sync_detailed(
        initiative_id=initiative_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    initiative_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BatchRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ImportResult | Problem]:
    """Record up to 10,000 observations with per-row results

     **Who may call:** the initiative's backbone staff and network admins, and its partners for their own
    organization's data.

    Args:
        initiative_id (UUID):
        idempotency_key (None | str | Unset): Retry-safe POST: the same key and body replay the
            first response.
        body (BatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResult | Problem]
    """

    kwargs = _get_kwargs(
        initiative_id=initiative_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    initiative_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BatchRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> ImportResult | Problem | None:
    """Record up to 10,000 observations with per-row results

     **Who may call:** the initiative's backbone staff and network admins, and its partners for their own
    organization's data.

    Args:
        initiative_id (UUID):
        idempotency_key (None | str | Unset): Retry-safe POST: the same key and body replay the
            first response.
        body (BatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResult | Problem
    """

    return (
        await asyncio_detailed(
            initiative_id=initiative_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
