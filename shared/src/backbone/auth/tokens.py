"""Bearer JWT validation (HS256 secret in development, RS256 via JWKS in production) and minting."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import OrderedDict
from typing import Any

import jwt

from backbone.auth.principal import Principal
from backbone.db import ALL_TENANTS
from backbone.settings import BaseServiceSettings


class InvalidTokenError(Exception):
    pass


def bearer_token(authorization: str) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header value, or None."""
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


CACHE_SIZE = 10_000
MAX_TOKEN_LENGTH = 8192
"""Longer tokens are refused unread: parsing and remembering them would cost the service."""


class TokenValidator:
    """Validates bearer tokens; a token that validated is remembered until it expires, so a
    client's many requests with one token pay for signature checks once."""

    def __init__(self, settings: BaseServiceSettings) -> None:
        self.settings = settings
        self._jwks = jwt.PyJWKClient(settings.jwt_jwks_url) if settings.jwt_jwks_url else None
        self._valid: OrderedDict[str, tuple[float, Principal]] = OrderedDict()

    async def _key(self, token: str) -> Any:
        header = jwt.get_unverified_header(token)
        algorithm = header.get("alg")
        if algorithm not in self.settings.jwt_algorithms:
            raise InvalidTokenError(f"algorithm {algorithm!r} is not allowed")
        if algorithm == "HS256":
            if self.settings.jwt_secret is None:
                raise InvalidTokenError("HS256 tokens are not accepted here")
            return self.settings.jwt_secret.get_secret_value()
        if self._jwks is None:
            raise InvalidTokenError(f"no key configured for {algorithm}")
        signing_key = await asyncio.to_thread(self._jwks.get_signing_key_from_jwt, token)
        return signing_key.key

    async def validate(self, token: str) -> Principal:
        if len(token) > MAX_TOKEN_LENGTH:
            raise InvalidTokenError(f"longer than {MAX_TOKEN_LENGTH} characters")
        cached = self._valid.get(token)
        if cached is not None:
            expires, principal = cached
            if time.time() < expires:
                self._valid.move_to_end(token)
                return principal
            del self._valid[token]
        principal, expires = await self._validate(token)
        self._valid[token] = (expires, principal)
        if len(self._valid) > CACHE_SIZE:
            self._valid.popitem(last=False)
        return principal

    async def _validate(self, token: str) -> tuple[Principal, float]:
        try:
            key = await self._key(token)
            claims = jwt.decode(
                token,
                key,
                algorithms=self.settings.jwt_algorithms,
                audience=self.settings.jwt_audience,
                issuer=self.settings.jwt_issuer,
                options={"require": ["exp", "iss", "aud", "sub", "tenant"]},
            )
        except (jwt.PyJWTError, ValueError, TypeError) as exc:
            raise InvalidTokenError(str(exc)) from exc
        principal = _principal(claims)
        return principal, float(claims["exp"])


MAX_TENANT = 100
MAX_SUB = 200
"""Claim lengths the services store (a tenant, who recorded a change)."""


def _principal(claims: dict[str, Any]) -> Principal:
    """The caller a token's claims describe, each claim checked by type."""
    for name in ("exp", "nbf", "iat"):
        value = claims.get(name)
        if name in claims and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise InvalidTokenError(f"{name} must be a number")
    sub, tenant, org = claims["sub"], claims["tenant"], claims.get("org")
    if not _text(sub, MAX_SUB):
        raise InvalidTokenError(f"sub must be a non-empty string of at most {MAX_SUB}")
    if not _text(tenant, MAX_TENANT) or tenant == ALL_TENANTS:
        raise InvalidTokenError(f"tenant must be a non-empty string of at most {MAX_TENANT}, "
                                f"not {ALL_TENANTS!r}")
    roles = claims.get("roles", [])
    if not isinstance(roles, list) or not all(_text(r, 300) for r in roles):
        raise InvalidTokenError("roles must be a list of strings")
    if org is not None and not isinstance(org, str):
        raise InvalidTokenError("org must be a UUID string")
    try:
        organization = uuid.UUID(org) if org else None
    except ValueError as exc:
        raise InvalidTokenError("org must be a UUID string") from exc
    return Principal(sub=sub, tenant=tenant, org=organization, grants=frozenset(roles))


def _text(value: object, longest: int) -> bool:
    return isinstance(value, str) and 0 < len(value) <= longest and value.isprintable()


def mint_token(
    settings: BaseServiceSettings,
    *,
    sub: str,
    tenant: str,
    roles: list[str],
    org: uuid.UUID | None = None,
    ttl_s: int = 12 * 3600,
) -> str:
    """Sign a development token with the HS256 secret (never available in production)."""
    if settings.jwt_secret is None:
        raise RuntimeError("minting needs BACKBONE_JWT_SECRET")
    now = int(time.time())
    claims: dict[str, Any] = {
        "sub": sub,
        "tenant": tenant,
        "roles": roles,
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": now,
        "exp": now + ttl_s,
    }
    if org is not None:
        claims["org"] = str(org)
    return jwt.encode(claims, settings.jwt_secret.get_secret_value(), algorithm="HS256")
