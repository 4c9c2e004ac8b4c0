from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.observation_status import ObservationStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    indicator_id: UUID,
    *,
    by: None | str | Unset = UNSET,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    where: list[str] | Unset = UNSET,
    geography: None | str | Unset = UNSET,
    organization_id: None | Unset | UUID = UNSET,
    status: list[ObservationStatus] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_by: None | str | Unset
    if isinstance(by, Unset):
        json_by = UNSET
    else:
        json_by = by
    params["by"] = json_by

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    else:
        json_to = to
    params["to"] = json_to

    json_where: list[str] | Unset = UNSET
    if not isinstance(where, Unset):
        json_where = where

    params["where"] = json_where

    json_geography: None | str | Unset
    if isinstance(geography, Unset):
        json_geography = UNSET
    else:
        json_geography = geography
    params["geography"] = json_geography

    json_organization_id: None | str | Unset
    if isinstance(organization_id, Unset):
        json_organization_id = UNSET
    elif isinstance(organization_id, UUID):
        json_organization_id = str(organization_id)
    else:
        json_organization_id = organization_id
    params["organization_id"] = json_organization_id

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/indicators/{indicator_id}/chart.svg".format(
            indicator_id=quote(str(indicator_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | None:
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
) -> Response[Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    indicator_id: UUID,
    *,
    client: AuthenticatedClient,
    by: None | str | Unset = UNSET,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    where: list[str] | Unset = UNSET,
    geography: None | str | Unset = UNSET,
    organization_id: None | Unset | UUID = UNSET,
    status: list[ObservationStatus] | Unset = UNSET,
) -> Response[Problem]:
    """A 'turn the curve' chart: actuals, baseline, targets, trajectory and forecast, or one line per group
    of `by` (SVG)

    Args:
        indicator_id (UUID):
        by (None | str | Unset): A dimension code: one series per option.
        from_ (None | str | Unset): First period, e.g. 2022
        to (None | str | Unset): Last period, e.g. 2026Q4
        where (list[str] | Unset): Only this cell: `dimension:option`, repeatable.
        geography (None | str | Unset):
        organization_id (None | Unset | UUID):
        status (list[ObservationStatus] | Unset): Review statuses to include (backbone staff;
            others see approved data only). Default: submitted and approved.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
    """

    kwargs = _get_kwargs(
        indicator_id=indicator_id,
        by=by,
        from_=from_,
        to=to,
        where=where,
        geography=geography,
        organization_id=organization_id,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    indicator_id: UUID,
    *,
    client: AuthenticatedClient,
    by: None | str | Unset = UNSET,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    where: list[str] | Unset = UNSET,
    geography: None | str | Unset = UNSET,
    organization_id: None | Unset | UUID = UNSET,
    status: list[ObservationStatus] | Unset = UNSET,
) -> Problem | None:
    """A 'turn the curve' chart: actuals, baseline, targets, trajectory and forecast, or one line per group
    of `by` (SVG)

    Args:
        indicator_id (UUID):
        by (None | str | Unset): A dimension code: one series per option.
        from_ (None | str | Unset): First period, e.g. 2022
        to (None | str | Unset): Last period, e.g. 2026Q4
        where (list[str] | Unset): Only this cell: `dimension:option`, repeatable.
        geography (None | str | Unset):
        organization_id (None | Unset | UUID):
        status (list[ObservationStatus] | Unset): Review statuses to include (backbone staff;
            others see approved data only). Default: submitted and approved.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
    """

    return sync_detailed(
        indicator_id=indicator_id,
        client=client,
        by=by,
        from_=from_,
        to=to,
        where=where,
        geography=geography,
        organization_id=organization_id,
        status=status,
    ).parsed


async def asyncio_detailed(
    indicator_id: UUID,
    *,
    client: AuthenticatedClient,
    by: None | str | Unset = UNSET,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    where: list[str] | Unset = UNSET,
    geography: None | str | Unset = UNSET,
    organization_id: None | Unset | UUID = UNSET,
    status: list[ObservationStatus] | Unset = UNSET,
) -> Response[Problem]:
    """A 'turn the curve' chart: actuals, baseline, targets, trajectory and forecast, or one line per group
    of `by` (SVG)

    Args:
        indicator_id (UUID):
        by (None | str | Unset): A dimension code: one series per option.
        from_ (None | str | Unset): First period, e.g. 2022
        to (None | str | Unset): Last period, e.g. 2026Q4
        where (list[str] | Unset): Only this cell: `dimension:option`, repeatable.
        geography (None | str | Unset):
        organization_id (None | Unset | UUID):
        status (list[ObservationStatus] | Unset): Review statuses to include (backbone staff;
            others see approved data only). Default: submitted and approved.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
    """

    kwargs = _get_kwargs(
        indicator_id=indicator_id,
        by=by,
        from_=from_,
        to=to,
        where=where,
        geography=geography,
        organization_id=organization_id,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    indicator_id: UUID,
    *,
    client: AuthenticatedClient,
    by: None | str | Unset = UNSET,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    where: list[str] | Unset = UNSET,
    geography: None | str | Unset = UNSET,
    organization_id: None | Unset | UUID = UNSET,
    status: list[ObservationStatus] | Unset = UNSET,
) -> Problem | None:
    """A 'turn the curve' chart: actuals, baseline, targets, trajectory and forecast, or one line per group
    of `by` (SVG)

    Args:
        indicator_id (UUID):
        by (None | str | Unset): A dimension code: one series per option.
        from_ (None | str | Unset): First period, e.g. 2022
        to (None | str | Unset): Last period, e.g. 2026Q4
        where (list[str] | Unset): Only this cell: `dimension:option`, repeatable.
        geography (None | str | Unset):
        organization_id (None | Unset | UUID):
        status (list[ObservationStatus] | Unset): Review statuses to include (backbone staff;
            others see approved data only). Default: submitted and approved.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
    """

    return (
        await asyncio_detailed(
            indicator_id=indicator_id,
            client=client,
            by=by,
            from_=from_,
            to=to,
            where=where,
            geography=geography,
            organization_id=organization_id,
            status=status,
        )
    ).parsed
