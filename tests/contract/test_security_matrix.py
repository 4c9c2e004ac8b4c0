"""The platform's security matrix, generated from the merged OpenAPI document served at the
base URL: a route added to any service is covered without a test written for it.

- BOLA: every operation on a path naming an object, called by another tenant's network
  admin with the real ids of this tenant's objects, is a 404 problem that shows nothing of
  them.
- BFLA: every write route declares who may call it (``x-backbone-access``); the policy
  table below says what each role gets for each declaration, and every cell is called.
- Tokens: every operation refuses every kind of bad token with a 401 problem.
- Query: every operation refuses a query parameter it does not take with a 422 problem.
- Every 4xx and 5xx of all this is ``application/problem+json``.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import json
import re
import time
from typing import Any

import httpx
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from backbone.testing import RunningService

WRITES = ("post", "put", "patch", "delete")
PROBLEM = "application/problem+json"
STALE = '"0"'
"""An ETag no object has: an allowed caller's change or deletion is refused with 412 (after
the checks of who may make it), so the world stays as it was for the next cell."""


def _document(gateway: RunningService) -> dict[str, Any]:
    return httpx.get(f"{gateway.url}/openapi.json").json()


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(method, path, operation) for path, item in document["paths"].items()
            for method, operation in item.items()]


def _url(path: str, ids: dict[str, str]) -> str:
    return re.sub(r"{(\w+)}", lambda m: ids[m.group(1)], path)


REPLACED = {
    "initiative_id": "initiative_id", "organization_id": "organization_id",
    "lead_organization_id": "organization_id", "goal_id": "goal_id",
    "strategy_id": "strategy_id", "indicator_id": "indicator_id",
    "to_activity_id": "other_activity_id", "working_group_id": "working_group_id",
}
REPLACED_LISTS = {
    "organization_ids": "organization_id", "goal_ids": "goal_id",
    "strategy_ids": "strategy_id", "indicator_ids": "indicator_id",
    "dimension_ids": "dimension_id", "member_ids": "participant_id",
    "working_group_ids": "working_group_id",
}


def _with_world_ids(value: Any, ids: dict[str, str]) -> Any:
    """A documented example with the ids it names replaced by the world's objects."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key in REPLACED and isinstance(item, str):
                out[key] = ids[REPLACED[key]]
            elif key in REPLACED_LISTS and isinstance(item, list):
                out[key] = [ids[REPLACED_LISTS[key]]]
            else:
                out[key] = _with_world_ids(item, ids)
        return out
    if isinstance(value, list):
        return [_with_world_ids(v, ids) for v in value]
    return value


def _arguments(operation: dict[str, Any], document: dict[str, Any], ids: dict[str, str]
               ) -> dict[str, Any]:
    """``httpx`` arguments for a valid request: the documented examples of the required
    query parameters and of the body."""
    query = {p["name"]: p["schema"]["examples"][0] for p in operation.get("parameters", [])
             if p["in"] == "query" and p.get("required")}
    return {"params": query, **_body(operation, document, ids)}


def _properties(operation: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    """The properties of the operation's JSON body."""
    media = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if media is None:
        return {}
    schema = document["components"]["schemas"][media["schema"]["$ref"].rsplit("/", 1)[1]]
    return schema.get("properties", {})


def _body(operation: dict[str, Any], document: dict[str, Any], ids: dict[str, str]
          ) -> dict[str, Any]:
    content = operation.get("requestBody", {}).get("content", {})
    if "text/csv" in content:
        return {"content": b"indicator,period,value\r\nreading,2024,41\r\n",
                "headers": {"Content-Type": "text/csv"}}
    if "application/json" not in content:
        return {}
    schema = content["application/json"]["schema"]
    schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return {"json": _with_world_ids(copy.deepcopy(schema["examples"][0]), ids)}


def _call(api: httpx.Client, method: str, url: str, headers: dict[str, str],
          arguments: dict[str, Any]) -> httpx.Response:
    extra = arguments.get("headers", {})
    return api.request(method, url, headers={**headers, **extra},
                       **{k: v for k, v in arguments.items() if k != "headers"})


def _assert_problem(answer: httpx.Response, *context: Any) -> None:
    if answer.status_code >= 400:
        assert answer.headers["content-type"] == PROBLEM, (*context, answer.status_code)
        assert answer.json()["status"] == answer.status_code, context


def test_another_tenant_reaches_no_object_by_any_route(
        gateway_server: RunningService, world: Any, intruder: Any) -> None:
    document = _document(gateway_server)
    named = [(m, p, op) for m, p, op in _operations(document) if "{" in p]
    assert len(named) >= 60
    admin = intruder.callers["network admin"]
    secrets = [world.marker, *(v for k, v in world.ids.items() if k not in ("system",
                                                                             "number"))]
    with httpx.Client(base_url=gateway_server.url, timeout=60) as api:
        for method, path, operation in named:
            url = _url(path, world.ids)
            answer = _call(api, method, url, {**admin, "If-Match": STALE},
                           _arguments(operation, document, intruder.ids))
            shown = [s for s in secrets if s in answer.text and s not in url]
            assert not shown, (method, path, shown)
            if path.endswith("/by-external-id/{system}/{external_id}") and method == "put":
                # A natural key: the intruder's PUT makes its own organization of that key.
                assert answer.status_code == 201, answer.text
                continue
            assert answer.status_code == 404, (method, path, answer.status_code, answer.text)
            _assert_problem(answer, method, path)


ROLES = ("network admin", "backbone staff", "partner", "partner of another initiative",
         "viewer", "no role")
OK = "allowed"
POLICY: dict[str, tuple[str | int, ...]] = {
    # declared access:    network admin, staff, partner, other partner, viewer, no role
    "network-admin": (OK, 403, 403, 403, 403, 403),
    "directory": (OK, OK, 403, 403, 403, 403),
    "organization-entry": (OK, OK, OK, 403, 403, 403),
    "backbone-staff": (OK, OK, 403, 404, 403, 404),
    "contributor": (OK, OK, OK, 404, 403, 404),
    "caller": (OK, OK, OK, OK, OK, OK),
}
"""What each role gets from a write route declaring each access, on the world's objects
(the partner's are its organization's): ``allowed`` is neither 401 nor 403. A caller with
no role in the initiative gets 404 where the route acts in it: for them the initiative
does not exist, as another tenant's does not."""


def _write_routes(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """Every write, deletions last (a deletion allowed may take what others name)."""
    writes = [(m, p, op) for m, p, op in _operations(document) if m in WRITES]
    return sorted(writes, key=lambda w: w[0] == "delete")


def test_every_write_route_declares_who_may_call_it(gateway_server: RunningService) -> None:
    writes = _write_routes(_document(gateway_server))
    assert len(writes) >= 55
    undeclared = [(m, p) for m, p, op in writes if op.get("x-backbone-access") not in POLICY]
    assert not undeclared, undeclared


def test_each_role_gets_what_the_policy_table_says_on_every_write_route(
        gateway_server: RunningService, world: Any) -> None:
    document = _document(gateway_server)
    cells = 0
    with httpx.Client(base_url=gateway_server.url, timeout=60) as api:
        for method, path, operation in _write_routes(document):
            expected = dict(zip(ROLES, POLICY[operation["x-backbone-access"]], strict=True))
            arguments = _arguments(operation, document, world.ids)
            if "json" in arguments and "initiative_id" in _properties(operation, document):
                arguments["json"].setdefault("initiative_id", world.initiative)
            # The refused first: an allowed call may change what the next one finds.
            for role in sorted(ROLES, key=lambda r: expected[r] == OK):
                answer = _call(api, method, _url(path, world.ids),
                               {**world.callers[role], "If-Match": STALE}, arguments)
                _assert_problem(answer, method, path, role)
                if expected[role] == OK:
                    assert answer.status_code not in (401, 403), (
                        method, path, role, answer.status_code, answer.text)
                else:
                    assert answer.status_code == expected[role], (
                        method, path, role, answer.status_code, answer.text)
                cells += 1
    assert cells == len(ROLES) * len(_write_routes(document))


def _hs256(claims: dict[str, Any], key: bytes) -> str:
    """An HS256 token keyed with any bytes (PyJWT refuses a public key as an HMAC key, which
    is exactly the algorithm-confusion attack)."""
    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    signed = f"{part(json.dumps({'alg': 'HS256', 'typ': 'JWT'}).encode())}." \
             f"{part(json.dumps(claims).encode())}"
    return f"{signed}.{part(hmac.new(key, signed.encode(), hashlib.sha256).digest())}"


def _bad_tokens(tenant: Any) -> dict[str, str]:
    settings = tenant.settings
    now = int(time.time())
    claims = {"sub": "mallory", "tenant": tenant.name, "roles": ["network:admin"],
              "iss": settings.jwt_issuer, "aud": settings.jwt_audience, "exp": now + 600}
    secret = settings.jwt_secret.get_secret_value()
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = private.public_key().public_bytes(serialization.Encoding.PEM,
                                               serialization.PublicFormat.SubjectPublicKeyInfo)

    def signed(**changes: Any) -> str:
        payload = {k: v for k, v in {**claims, **changes}.items() if v is not None}
        return jwt.encode(payload, secret, algorithm="HS256")

    return {
        "alg none": jwt.encode(claims, "", algorithm="none"),
        "wrong key": jwt.encode(claims, "another-secret-of-32-bytes-or-so", algorithm="HS256"),
        "RS256 by an unknown key": jwt.encode(claims, private, algorithm="RS256",
                                              headers={"kid": "mallory"}),
        "HS256 keyed with an RSA public key": _hs256(claims, public),
        "expired": signed(exp=now - 60),
        "not yet valid": signed(nbf=now + 600),
        "wrong issuer": signed(iss="elsewhere"),
        "wrong audience": signed(aud="someone-else"),
        "no tenant": signed(tenant=None),
        "no sub": signed(sub=None),
        "oversize": signed(roles=["network:admin"] * 1000),
        "not a JWT": "not-a-token",
    }


def test_every_operation_refuses_a_query_parameter_it_does_not_take(
        gateway_server: RunningService, agenda_server: RunningService,
        measurement_server: RunningService, activities_server: RunningService,
        notifications_server: RunningService, world: Any) -> None:
    """A misspelt parameter (``update_since`` for ``updated_since``) is a 422 problem that
    names it, never silently ignored: on every operation, with or without a caller, before
    the route runs; and on each service's own operations routes."""
    document = _document(gateway_server)
    typo = {"update_since": "2026-01-01T00:00:00Z"}
    checked = 0
    with httpx.Client(base_url=gateway_server.url, timeout=60) as api:
        for method, path, operation in _operations(document):
            arguments = _arguments(operation, document, world.ids)
            arguments["params"] = {**arguments["params"], **typo}
            callers: list[dict[str, str]] = [world.callers["network admin"], {}]
            for headers in callers:
                answer = _call(api, method, _url(path, world.ids), headers, arguments)
                assert answer.status_code == 422, (method, path, answer.status_code)
                _assert_problem(answer, method, path)
                assert [e["loc"] for e in answer.json()["errors"]] == [["query", "update_since"]]
                checked += 1
    assert checked == 2 * len(_operations(document))
    own = {server.url: ("/healthz", "/readyz", "/metrics", "/v1/event-types")
           for server in (agenda_server, measurement_server, activities_server,
                          notifications_server)}
    own[gateway_server.url] = ("/healthz", "/readyz", "/v1/event-types", "/openapi.json")
    for url, paths in own.items():
        for path in paths:
            answer = httpx.get(f"{url}{path}", params=typo)
            assert answer.status_code == 422, (url, path, answer.status_code)
            _assert_problem(answer, url, path)


def test_every_operation_refuses_every_bad_token(gateway_server: RunningService,
                                                 world: Any) -> None:
    document = _document(gateway_server)
    secured = [(m, p, op) for m, p, op in _operations(document) if op.get("security")]
    services = {op["tags"][0].split(": ")[0] for _, _, op in secured}
    assert services == {"Agenda", "Measurement", "Activities", "Notifications"}
    tokens = _bad_tokens(world.tenant)
    with httpx.Client(base_url=gateway_server.url, timeout=60) as api:
        for method, path, operation in secured:
            arguments = _arguments(operation, document, world.ids)
            for kind, token in tokens.items():
                answer = _call(api, method, _url(path, world.ids),
                               {"Authorization": f"Bearer {token}"}, arguments)
                assert answer.status_code == 401, (method, path, kind, answer.status_code)
                assert answer.headers["www-authenticate"].startswith("Bearer")
                _assert_problem(answer, method, path, kind)
            missing = _call(api, method, _url(path, world.ids), {}, arguments)
            assert missing.status_code == 401, (method, path, "no token")
            _assert_problem(missing, method, path)
