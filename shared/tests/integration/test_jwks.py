"""RS256 tokens verified with keys fetched from a JWKS URL (a real HTTP server on loopback)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from backbone.auth.tokens import InvalidTokenError, TokenValidator
from backbone.settings import BaseServiceSettings

KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
OTHER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def jwks_url() -> Iterator[str]:
    jwk = json.loads(RSAAlgorithm.to_jwk(KEY.public_key()))
    body = json.dumps({"keys": [{**jwk, "kid": "k1", "use": "sig", "alg": "RS256"}]}).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: Any) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/.well-known/jwks.json"
    server.shutdown()


def production_settings(jwks_url: str) -> BaseServiceSettings:
    return BaseServiceSettings(jwt_secret="", jwt_jwks_url=jwks_url, jwt_issuer="https://id",
                               jwt_audience="backbone", jwt_algorithms=["RS256"])


def claims(**overrides: Any) -> dict[str, Any]:
    return {"sub": "ana", "tenant": "north", "roles": ["network:admin"], "iss": "https://id",
            "aud": "backbone", "exp": int(time.time()) + 60, **overrides}


async def test_rs256_tokens_signed_by_a_published_key_are_accepted(jwks_url: str) -> None:
    token = jwt.encode(claims(), KEY, algorithm="RS256", headers={"kid": "k1"})
    principal = await TokenValidator(production_settings(jwks_url)).validate(token)
    assert (principal.sub, principal.tenant, principal.is_network_admin) == ("ana", "north", True)


@pytest.mark.parametrize(("key", "kid", "payload"), [
    (OTHER_KEY, "k1", claims()),                 # not the published key
    (OTHER_KEY, "k2", claims()),                 # an unknown key id
    (KEY, "k1", claims(iss="https://evil")),     # wrong issuer
    (KEY, "k1", claims(exp=int(time.time()) - 5)),  # expired
])
async def test_other_rs256_tokens_are_rejected(jwks_url: str, key: Any, kid: str,
                                               payload: dict[str, Any]) -> None:
    token = jwt.encode(payload, key, algorithm="RS256", headers={"kid": kid})
    with pytest.raises(InvalidTokenError):
        await TokenValidator(production_settings(jwks_url)).validate(token)


async def test_hs256_is_refused_where_only_rs256_is_allowed(jwks_url: str) -> None:
    token = jwt.encode(claims(), "a-shared-secret-of-32-bytes-long!", algorithm="HS256")
    with pytest.raises(InvalidTokenError, match="not allowed"):
        await TokenValidator(production_settings(jwks_url)).validate(token)
