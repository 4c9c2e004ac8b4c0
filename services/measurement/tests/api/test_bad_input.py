"""Bad input to measurement gets a clear problem+json 4xx and stores nothing."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

PROBLEM = "application/problem+json"
ROW = {"indicator": "ready", "period": "2024", "numerator": 1, "denominator": 2}


@pytest.mark.parametrize(("body", "status", "kind"), [
    (b'{"period": "2024", "numerator": 1,', 400, "malformed-json"),
    (b'{"period": "2024", "numerator": "many", "denominator": 2}', 422, "validation-failed"),
    (b'{"period": "2024", "numerator": 1, "denominator": 2, "colour": "red"}', 422,
     "validation-failed"),
    (b'{"period": "2024", "numerator": 1, "denominator": 2, "source": "a\\u0000b"}', 422,
     "validation-failed"),
    (b'{"period": "2024", "numerator": 1, "denominator": 2, "comment": "\\ud800"}', 422,
     "validation-failed"),
    (b'{"period": "2024", "value": Infinity}', 422, "validation-failed"),
    (b'{"period": "2024", "numerator": 1, "denominator": 0}', 422, "invalid-observation"),
    (b'{"period": "2024-02-30", "numerator": 1, "denominator": 2}', 422, "invalid-observation"),
    (b'{"period": "2024", "numerator": 1, "denominator": 2, "disaggregation": {"race": "x"}}',
     422, "invalid-observation"),
])
async def test_bad_observations_are_rejected_and_nothing_is_stored(
    api: httpx.AsyncClient, setup: Any, body: bytes, status: int, kind: str,
) -> None:
    url = f"/v1/indicators/{setup.indicator['id']}/observations"
    response = await api.post(url, content=body,
                              headers={**setup.staff, "Content-Type": "application/json"})
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["type"] == f"urn:backbone:problem:{kind}"
    assert (await api.get(url, headers=setup.staff)).json()["items"] == []


async def test_batches_have_limits(api: httpx.AsyncClient, setup: Any) -> None:
    url = f"/v1/initiatives/{setup.initiative_id}/observations/batch"
    too_many = await api.post(url, headers=setup.staff, json={"rows": [ROW] * 10_001})
    assert too_many.status_code == 422
    assert too_many.json()["errors"][0]["loc"][:2] == ["body", "rows"]
    empty = await api.post(url, headers=setup.staff, json={"rows": []})
    assert empty.status_code == 422
    broken = await api.post(url, headers={**setup.staff, "Content-Type": "application/json"},
                            content=b'{"rows": [')
    assert broken.status_code == 400
    assert broken.json()["type"] == "urn:backbone:problem:malformed-json"
    unknown = await api.post(url, headers=setup.staff, json={"rows": [{**ROW, "colour": "red"}]})
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["loc"] == ["body", "rows", 0, "colour"]
    huge = await api.post(url, headers={**setup.staff, "Content-Type": "application/json"},
                          content=b'{"rows": [' + b" " * 17_000_000 + b"]}")
    assert huge.status_code == 413
    assert (await api.get(f"/v1/indicators/{setup.indicator['id']}/observations",
                          headers=setup.staff)).json()["items"] == []


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty"), (b"indicator,value\nready,1\n", "'period' column"),
    (b"\xff\xfeperiod\n", "UTF-8"), (b"period\n", "no rows"),
])
async def test_unreadable_csv(api: httpx.AsyncClient, setup: Any, content: bytes,
                              reason: str) -> None:
    response = await api.post(f"/v1/initiatives/{setup.initiative_id}/observations/import",
                              headers={**setup.staff, "Content-Type": "text/csv"},
                              content=content)
    assert response.status_code == 422
    assert response.json()["type"] == "urn:backbone:problem:unreadable-csv"
    assert reason in response.json()["detail"]


@pytest.mark.parametrize(("text", "status"), [
    ("a\\u0000b", 422),
    ("\\udfff", 400), ("\\uD800x", 400),  # pydantic-core's JSON parser refuses lone surrogates
    ("caf\\u00e9 \\ud83d\\ude00", 200),  # an accented letter and a proper surrogate pair
])
async def test_batch_text_must_be_storable(api: httpx.AsyncClient, setup: Any, text: str,
                                           status: int) -> None:
    body = ('{"rows": [{"indicator": "ready", "period": "2024", "numerator": 1, '
            f'"denominator": 2, "comment": "{text}"}}]}}').encode()
    response = await api.post(f"/v1/initiatives/{setup.initiative_id}/observations/batch",
                              headers={**setup.staff, "Content-Type": "application/json"},
                              content=body)
    assert response.status_code == status, response.text
