from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_format import ExportFormat
from ...models.export_status import ExportStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    initiative_id: UUID,
    *,
    format_: ExportFormat | Unset = UNSET,
    status: ExportStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/initiatives/{initiative_id}/observations/export".format(
            initiative_id=quote(str(initiative_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | str]:
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
    format_: ExportFormat | Unset = UNSET,
    status: ExportStatus | Unset = UNSET,
) -> Response[Problem | str]:
    """A consistent snapshot of the initiative's observations (CSV or Parquet), with the event topic's
    watermark

    Args:
        initiative_id (UUID):
        format_ (ExportFormat | Unset):
        status (ExportStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        initiative_id=initiative_id,
        format_=format_,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    initiative_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = UNSET,
    status: ExportStatus | Unset = UNSET,
) -> Problem | str | None:
    """A consistent snapshot of the initiative's observations (CSV or Parquet), with the event topic's
    watermark

    Args:
        initiative_id (UUID):
        format_ (ExportFormat | Unset):
        status (ExportStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        initiative_id=initiative_id,
        client=client,
        format_=format_,
        status=status,
    ).parsed


async def asyncio_detailed(
    initiative_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = UNSET,
    status: ExportStatus | Unset = UNSET,
) -> Response[Problem | str]:
    """A consistent snapshot of the initiative's observations (CSV or Parquet), with the event topic's
    watermark

    Args:
        initiative_id (UUID):
        format_ (ExportFormat | Unset):
        status (ExportStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        initiative_id=initiative_id,
        format_=format_,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    initiative_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = UNSET,
    status: ExportStatus | Unset = UNSET,
) -> Problem | str | None:
    """A consistent snapshot of the initiative's observations (CSV or Parquet), with the event topic's
    watermark

    Args:
        initiative_id (UUID):
        format_ (ExportFormat | Unset):
        status (ExportStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            initiative_id=initiative_id,
            client=client,
            format_=format_,
            status=status,
        )
    ).parsed
