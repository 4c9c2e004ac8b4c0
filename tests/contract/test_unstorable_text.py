"""Every route of every service, with a NUL character in each string parameter in turn:
a 4xx problem, never a 5xx (the database cannot store NUL; nothing may try)."""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import quote

import pytest

from backbone.testing import Network, RunningService

BAD = "a\x00b"


def _sample(schema: dict[str, Any]) -> Any:
    """A valid-looking value for a parameter, so the bad one is the only thing wrong."""
    options = schema.get("anyOf", [schema])
    schema = next((o for o in options if o.get("type") != "null"), schema)
    if "enum" in schema:
        return schema["enum"][0]
    if schema.get("format") == "uuid":
        return str(uuid.uuid4())
    return {"integer": 1, "number": 1, "boolean": "false", "array": "x"}.get(
        schema.get("type", "string"), "x")


def _cases(document: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(method, path, parameter, where) for every string parameter in a path or query
    (HTTP itself forbids NUL in a header)."""
    cases = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                types = {o.get("type") for o in schema.get("anyOf", [schema])}
                item_types = {schema.get("items", {}).get("type")}
                if "string" in types | item_types and parameter["in"] in ("path", "query"):
                    cases.append((method, path, parameter["name"], parameter["in"]))
    return cases


@pytest.mark.parametrize("service", ["agenda_server", "measurement_server"])
def test_a_nul_in_any_string_parameter_is_a_4xx_problem(
    service: str, request: pytest.FixtureRequest, network: Network
) -> None:
    server: RunningService = request.getfixturevalue(service)
    with server.client() as api:
        document = api.get("/openapi.json").json()
        cases = _cases(document)
        assert len(cases) > 20
        for method, path, name, where in cases:
            operation = document["paths"][path][method]
            values = {p["name"]: (p["in"], _sample(p.get("schema", {})))
                      for p in operation.get("parameters", [])
                      if p.get("required") or p["name"] == name}
            values = {k: (w, network.initiative_id if k == "initiative_id" else v)
                      for k, (w, v) in values.items()}
            values[name] = (where, BAD)
            url = path.format(**{k: quote(str(v), safe="") for k, (w, v) in values.items()
                                 if w == "path"})
            query = {k: v for k, (w, v) in values.items() if w == "query"}
            body: dict[str, Any] | None = {} if method in ("post", "put", "patch") else None
            response = api.request(method.upper(), url, params=query, json=body)
            assert 400 <= response.status_code < 500, (method, path, name, response.text)
            assert response.headers["content-type"] == "application/problem+json"
