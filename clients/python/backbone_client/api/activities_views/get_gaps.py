import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.gap_kind import GapKind
from ...models.gaps_read import GapsRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    initiative_id: UUID,
    *,
    as_of: datetime.date | None | Unset = UNSET,
    kind: list[GapKind] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_as_of: None | str | Unset
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.date):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

    json_kind: list[str] | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = []
        for kind_item_data in kind:
            kind_item = kind_item_data.value
            json_kind.append(kind_item)

    params["kind"] = json_kind

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/initiatives/{initiative_id}/gaps".format(
            initiative_id=quote(str(initiative_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GapsRead | Problem | None:
    if response.status_code == 200:
        response_200 = GapsRead.from_dict(response.json())

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
) -> Response[GapsRead | Problem]:
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
    as_of: datetime.date | None | Unset = UNSET,
    kind: list[GapKind] | Unset = UNSET,
) -> Response[GapsRead | Problem]:
    """Goals, strategies, places, measures and groups nobody works on

    Args:
        initiative_id (UUID):
        as_of (datetime.date | None | Unset): The day to judge by (default: today, UTC):
            activities running on it, measures as they stood at its end.
        kind (list[GapKind] | Unset): Only these kinds of gap.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GapsRead | Problem]
    """

    kwargs = _get_kwargs(
        initiative_id=initiative_id,
        as_of=as_of,
        kind=kind,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    initiative_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
    kind: list[GapKind] | Unset = UNSET,
) -> GapsRead | Problem | None:
    """Goals, strategies, places, measures and groups nobody works on

    Args:
        initiative_id (UUID):
        as_of (datetime.date | None | Unset): The day to judge by (default: today, UTC):
            activities running on it, measures as they stood at its end.
        kind (list[GapKind] | Unset): Only these kinds of gap.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GapsRead | Problem
    """

    return sync_detailed(
        initiative_id=initiative_id,
        client=client,
        as_of=as_of,
        kind=kind,
    ).parsed


async def asyncio_detailed(
    initiative_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
    kind: list[GapKind] | Unset = UNSET,
) -> Response[GapsRead | Problem]:
    """Goals, strategies, places, measures and groups nobody works on

    Args:
        initiative_id (UUID):
        as_of (datetime.date | None | Unset): The day to judge by (default: today, UTC):
            activities running on it, measures as they stood at its end.
        kind (list[GapKind] | Unset): Only these kinds of gap.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GapsRead | Problem]
    """

    kwargs = _get_kwargs(
        initiative_id=initiative_id,
        as_of=as_of,
        kind=kind,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    initiative_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
    kind: list[GapKind] | Unset = UNSET,
) -> GapsRead | Problem | None:
    """Goals, strategies, places, measures and groups nobody works on

    Args:
        initiative_id (UUID):
        as_of (datetime.date | None | Unset): The day to judge by (default: today, UTC):
            activities running on it, measures as they stood at its end.
        kind (list[GapKind] | Unset): Only these kinds of gap.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GapsRead | Problem
    """

    return (
        await asyncio_detailed(
            initiative_id=initiative_id,
            client=client,
            as_of=as_of,
            kind=kind,
        )
    ).parsed
