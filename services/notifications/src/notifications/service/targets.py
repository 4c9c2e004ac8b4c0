"""Where a webhook URL leads: resolved once, every address checked (SSRF protection), and
the checked address is the one connected to, so a second lookup (DNS rebinding) cannot
send the request elsewhere."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from backbone.errors import Invalid
from notifications.config import Settings
from notifications.domain.addresses import networks, refusal


class RefusedTargetError(Exception):
    """The URL may not be delivered to; the message says why."""


@dataclass(frozen=True)
class Target:
    url: str  # the URL with the checked address in place of the host name
    host_header: str  # the URL's own host[:port]
    server_name: str  # the host name, for TLS (SNI and the certificate's name)


async def resolve(url: str, settings: Settings) -> Target:
    parts = urlsplit(url)
    if parts.scheme != "https" and not (parts.scheme == "http" and settings.webhook_allow_http):
        raise RefusedTargetError("the URL must use https")
    if not parts.hostname or parts.username or parts.password:
        raise RefusedTargetError("the URL needs a host and no credentials")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except (UnicodeError, ValueError) as exc:
        raise RefusedTargetError("the URL's host or port is not valid") from exc
    try:
        found = await asyncio.get_running_loop().getaddrinfo(host, port,
                                                             type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise RefusedTargetError(f"{parts.hostname} does not resolve ({exc.strerror})") from exc
    allowed = networks(settings.webhook_allowed_networks)
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in found]
    for address in addresses:  # every one: a name may answer differently next time
        reason = refusal(address, allowed)
        if reason:
            raise RefusedTargetError(f"{parts.hostname} resolves to an address deliveries may not "
                                f"reach: {reason}")
    chosen = addresses[0]
    literal = f"[{chosen}]" if chosen.version == 6 else str(chosen)
    netloc = f"{literal}:{port}"
    return Target(url=parts._replace(netloc=netloc).geturl(), host_header=parts.netloc,
                  server_name=parts.hostname)


async def check_url(url: str, settings: Settings) -> None:
    """At creation and change of an endpoint: a 422 naming the reason."""
    try:
        await resolve(url, settings)
    except RefusedTargetError as exc:
        raise Invalid(f"url: {exc}", kind="refused-url", errors=[
            {"loc": ["body", "url"], "msg": str(exc), "type": "refused_url"}]) from exc
