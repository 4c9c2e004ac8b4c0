from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.working_group_read import WorkingGroupRead
from ...models.working_group_update import WorkingGroupUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    working_group_id: UUID,
    *,
    body: WorkingGroupUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/working-groups/{working_group_id}".format(
            working_group_id=quote(str(working_group_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WorkingGroupRead | None:
    if response.status_code == 200:
        response_200 = WorkingGroupRead.from_dict(response.json())

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
) -> Response[Problem | WorkingGroupRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    working_group_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WorkingGroupUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | WorkingGroupRead]:
    """Change a working group (If-Match for safe concurrent edits)

     **Who may call:** the initiative's backbone staff and network admins.

    Args:
        working_group_id (UUID):
        if_match (None | str | Unset): The ETag you read; 412 if it is stale.
        body (WorkingGroupUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkingGroupRead]
    """

    kwargs = _get_kwargs(
        working_group_id=working_group_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    working_group_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WorkingGroupUpdate,
    if_match: None | str | Unset = UNSET,
) -> Problem | WorkingGroupRead | None:
    """Change a working group (If-Match for safe concurrent edits)

     **Who may call:** the initiative's backbone staff and network admins.

    Args:
        working_group_id (UUID):
        if_match (None | str | Unset): The ETag you read; 412 if it is stale.
        body (WorkingGroupUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkingGroupRead
    """

    return sync_detailed(
        working_group_id=working_group_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    working_group_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WorkingGroupUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | WorkingGroupRead]:
    """Change a working group (If-Match for safe concurrent edits)

     **Who may call:** the initiative's backbone staff and network admins.

    Args:
        working_group_id (UUID):
        if_match (None | str | Unset): The ETag you read; 412 if it is stale.
        body (WorkingGroupUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkingGroupRead]
    """

    kwargs = _get_kwargs(
        working_group_id=working_group_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    working_group_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WorkingGroupUpdate,
    if_match: None | str | Unset = UNSET,
) -> Problem | WorkingGroupRead | None:
    """Change a working group (If-Match for safe concurrent edits)

     **Who may call:** the initiative's backbone staff and network admins.

    Args:
        working_group_id (UUID):
        if_match (None | str | Unset): The ETag you read; 412 if it is stale.
        body (WorkingGroupUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkingGroupRead
    """

    return (
        await asyncio_detailed(
            working_group_id=working_group_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
