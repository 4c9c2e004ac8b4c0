import asyncio
import os
import time
from pathlib import Path

import jwt
import pytest

from backbone.auth.tokens import InvalidTokenError, TokenValidator, mint_token
from backbone.events.registry import EventRegistry
from backbone.http.app import create_service_app
from backbone.service import ServiceSpec
from backbone.settings import BaseServiceSettings, MissingTokenKeyError

SETTINGS = BaseServiceSettings(jwt_secret="s3cret-for-tests-only-32-bytes-long")


async def test_a_minted_token_validates_to_its_principal() -> None:
    token = mint_token(SETTINGS, sub="ana", tenant="north", roles=["network:admin"])
    principal = await TokenValidator(SETTINGS).validate(token)
    assert (principal.sub, principal.tenant, principal.is_network_admin) == ("ana", "north", True)


@pytest.mark.parametrize("claims", [
    {"exp": int(time.time()) - 10},
    {"aud": "someone-else"},
    {"iss": "elsewhere"},
    {"tenant": None},
    {"roles": "network:admin"},
    {"org": "not-a-uuid"},
    {"org": 12345},
    {"org": ["00000000-0000-4000-8000-000000000001"]},
    {"tenant": ""},
    {"tenant": 5},
    {"tenant": ["north"]},
    {"tenant": "n" * 101},
    {"tenant": "nor\x00th"},
    {"tenant": "*"},  # the scope of work across tenants, no tenant's name
    {"sub": ""},
    {"sub": 7},
    {"sub": "a\x00"},
    {"exp": str(int(time.time()) + 60)},
    {"exp": [int(time.time()) + 60]},
    {"exp": True},
    {"iat": "yesterday"},
    {"nbf": str(int(time.time()) - 5)},
    {"nbf": int(time.time()) + 600},
    {"roles": ["network:admin"] * 1000},  # a signed token, but over 8 KiB
])
async def test_tokens_with_bad_claims_are_rejected(claims: dict) -> None:
    base = {"sub": "ana", "tenant": "north", "roles": [], "iss": SETTINGS.jwt_issuer,
            "aud": SETTINGS.jwt_audience, "exp": int(time.time()) + 60}
    payload = {k: v for k, v in {**base, **claims}.items() if v is not None}
    token = jwt.encode(payload, SETTINGS.jwt_secret.get_secret_value(), algorithm="HS256")
    with pytest.raises(InvalidTokenError):
        await TokenValidator(SETTINGS).validate(token)


async def test_unsigned_wrongly_signed_and_unconfigured_algorithms_are_rejected() -> None:
    base = {"sub": "a", "tenant": "t", "iss": SETTINGS.jwt_issuer,
            "aud": SETTINGS.jwt_audience, "exp": int(time.time()) + 60}
    for token in (jwt.encode(base, "", algorithm="none"),
                  jwt.encode(base, "another-secret-that-is-32-bytes!", algorithm="HS256"),
                  jwt.encode(base, SETTINGS.jwt_secret.get_secret_value(), algorithm="HS512")):
        with pytest.raises(InvalidTokenError):
            await TokenValidator(SETTINGS).validate(token)


async def test_an_empty_secret_disables_hs256() -> None:
    settings = BaseServiceSettings(jwt_secret="")
    assert settings.jwt_secret is None
    base = {"sub": "a", "tenant": "t", "iss": settings.jwt_issuer,
            "aud": settings.jwt_audience, "exp": int(time.time()) + 60}
    token = jwt.encode(base, "any-secret-of-thirty-two-bytes!!", algorithm="HS256")
    with pytest.raises(InvalidTokenError, match="HS256 tokens are not accepted"):
        await TokenValidator(settings).validate(token)


async def test_a_remembered_token_still_expires() -> None:
    validator = TokenValidator(SETTINGS)
    token = mint_token(SETTINGS, sub="ana", tenant="north", roles=[], ttl_s=1)
    assert (await validator.validate(token)).sub == "ana"
    assert (await validator.validate(token)).sub == "ana"  # from the cache
    await asyncio.sleep(1.2)
    with pytest.raises(InvalidTokenError):
        await validator.validate(token)


def test_a_service_without_a_key_refuses_to_start() -> None:
    """No default secret: anyone could mint tokens for a service that had one."""
    assert BaseServiceSettings().jwt_secret is None or "BACKBONE_JWT_SECRET" in os.environ
    with pytest.raises(MissingTokenKeyError, match="BACKBONE_JWT_SECRET"):
        create_service_app(BaseServiceSettings(jwt_secret=""), title="t", description="d",
                           routers=[], registry=EventRegistry("t"),
                               spec=ServiceSpec("t", 0, "t:app", Path("."), "t:registry"))
    BaseServiceSettings(jwt_secret="", jwt_jwks_url="https://id.example/jwks").check_auth()
