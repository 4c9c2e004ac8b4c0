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
    # What is wrong with a row is that row's error (here all or nothing: the 422 lists it);
    # what is wrong with the batch itself refuses the request as a whole.
    unknown = await api.post(url, headers=setup.staff, json={"rows": [{**ROW, "colour": "red"}]})
    assert unknown.status_code == 422
    assert unknown.json()["type"] == "urn:backbone:problem:invalid-rows"
    assert unknown.json()["errors"] == [{"loc": ["body", "rows", 0],
                                         "msg": "colour: unknown field", "type": "invalid_row"}]
    bad_row = {**ROW, "value": "lots"}
    for body, where in [({"rows": [bad_row], "mode": "sometimes"}, ["body", "mode"]),
                        ({"rows": bad_row}, ["body", "rows"]),
                        ({"rows": [bad_row], "colour": "red"}, ["body", "colour"])]:
        refused = await api.post(url, headers=setup.staff, json=body)
        assert refused.status_code == 422
        assert refused.json()["type"] == "urn:backbone:problem:validation-failed"
        assert where in [e["loc"] for e in refused.json()["errors"]], body
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


@pytest.mark.parametrize("query", [
    "series?geography=%00", "progress?geography=%00", "disparities?dimension=race&geography=%00",
    "chart.svg?geography=%00", "series?where=race:%00", "series?by=ra%00ce",
    "observations?period=%00", "observations?updated_since=9999-12-31T23:59:59-23:59",
    "observations?updated_since=0001-01-01T00:00:00%2B14:00",
])
async def test_unstorable_or_overflowing_query_values_are_422(
    api: httpx.AsyncClient, setup: Any, query: str
) -> None:
    url = f"/v1/indicators/{setup.indicator['id']}/{query}"
    headers = setup.staff if query.startswith("observations") else setup.viewer
    response = await api.get(url, headers=headers)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM
    assert (await api.get(f"/v1/indicators/{setup.indicator['id']}",
                          headers=headers)).status_code == 200


async def test_an_overlong_csv_field_is_a_row_error(api: httpx.AsyncClient, setup: Any) -> None:
    content = ("indicator,period,numerator,denominator,comment\n"
               f"ready,2024,1,2,{'x' * 140_000}\nready,2025,3,4,fine\n"
               f"ready,2026,1,2,{'y' * 10_001}\n").encode()
    response = await api.post(
        f"/v1/initiatives/{setup.initiative_id}/observations/import",
        params={"mode": "partial"}, headers={**setup.staff, "Content-Type": "text/csv"},
        content=content)
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["outcome"] for r in results] == ["error", "created", "error"]
    assert "10000 characters" in results[0]["error"]
    assert "10000 characters" in results[2]["error"]
