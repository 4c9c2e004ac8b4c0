from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.activity_status import ActivityStatus
from ...models.alignment_by import AlignmentBy
from ...models.alignment_read import AlignmentRead
from ...models.format_ import Format
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    initiative_id: UUID,
    *,
    by: AlignmentBy | None | Unset = UNSET,
    status: list[ActivityStatus] | Unset = UNSET,
    format_: Format | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_by: None | str | Unset
    if isinstance(by, Unset):
        json_by = UNSET
    elif isinstance(by, AlignmentBy):
        json_by = by.value
    else:
        json_by = by
    params["by"] = json_by

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)

    params["status"] = json_status

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, Format):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/initiatives/{initiative_id}/alignment".format(
            initiative_id=quote(str(initiative_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AlignmentRead | Problem | None:
    if response.status_code == 200:
        response_200 = AlignmentRead.from_dict(response.json())

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
) -> Response[AlignmentRead | Problem]:
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
    by: AlignmentBy | None | Unset = UNSET,
    status: list[ActivityStatus] | Unset = UNSET,
    format_: Format | None | Unset = UNSET,
) -> Response[AlignmentRead | Problem]:
    """Who does what toward which strategy (and where): JSON or CSV

    Args:
        initiative_id (UUID):
        by (AlignmentBy | None | Unset):
        status (list[ActivityStatus] | Unset): Activities in these statuses (default: all but
            cancelled).
        format_ (Format | None | Unset): `csv` for a flat table (or send `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlignmentRead | Problem]
    """

    kwargs = _get_kwargs(
        initiative_id=initiative_id,
        by=by,
        status=status,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    initiative_id: UUID,
    *,
    client: AuthenticatedClient,
    by: AlignmentBy | None | Unset = UNSET,
    status: list[ActivityStatus] | Unset = UNSET,
    format_: Format | None | Unset = UNSET,
) -> AlignmentRead | Problem | None:
    """Who does what toward which strategy (and where): JSON or CSV

    Args:
        initiative_id (UUID):
        by (AlignmentBy | None | Unset):
        status (list[ActivityStatus] | Unset): Activities in these statuses (default: all but
            cancelled).
        format_ (Format | None | Unset): `csv` for a flat table (or send `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlignmentRead | Problem
    """

    return sync_detailed(
        initiative_id=initiative_id,
        client=client,
        by=by,
        status=status,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    initiative_id: UUID,
    *,
    client: AuthenticatedClient,
    by: AlignmentBy | None | Unset = UNSET,
    status: list[ActivityStatus] | Unset = UNSET,
    format_: Format | None | Unset = UNSET,
) -> Response[AlignmentRead | Problem]:
    """Who does what toward which strategy (and where): JSON or CSV

    Args:
        initiative_id (UUID):
        by (AlignmentBy | None | Unset):
        status (list[ActivityStatus] | Unset): Activities in these statuses (default: all but
            cancelled).
        format_ (Format | None | Unset): `csv` for a flat table (or send `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlignmentRead | Problem]
    """

    kwargs = _get_kwargs(
        initiative_id=initiative_id,
        by=by,
        status=status,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    initiative_id: UUID,
    *,
    client: AuthenticatedClient,
    by: AlignmentBy | None | Unset = UNSET,
    status: list[ActivityStatus] | Unset = UNSET,
    format_: Format | None | Unset = UNSET,
) -> AlignmentRead | Problem | None:
    """Who does what toward which strategy (and where): JSON or CSV

    Args:
        initiative_id (UUID):
        by (AlignmentBy | None | Unset):
        status (list[ActivityStatus] | Unset): Activities in these statuses (default: all but
            cancelled).
        format_ (Format | None | Unset): `csv` for a flat table (or send `Accept: text/csv`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlignmentRead | Problem
    """

    return (
        await asyncio_detailed(
            initiative_id=initiative_id,
            client=client,
            by=by,
            status=status,
            format_=format_,
        )
    ).parsed
