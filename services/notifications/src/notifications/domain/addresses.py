"""Which addresses a webhook may reach: only globally routable ones (SSRF protection),
unless an allow-listed network contains them.

Addresses that embed an IPv4 address (IPv4-mapped, NAT64, 6to4) are judged by the address
they embed, so ``::ffff:127.0.0.1`` is as local as ``127.0.0.1``.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

NAT64 = ipaddress.ip_network("64:ff9b::/96")
CGNAT = ipaddress.ip_network("100.64.0.0/10")


def networks(cidrs: Sequence[str]) -> list[Network]:
    return [ipaddress.ip_network(c, strict=False) for c in cidrs]


def _embedded(address: Address) -> Address | None:
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return address.ipv4_mapped
        if address.sixtofour is not None:
            return address.sixtofour
        if address in NAT64:
            return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def refusal(address: Address, allowed: Sequence[Network] = ()) -> str | None:
    """Why a delivery may not reach ``address`` (None: it may)."""
    if any(address in network for network in allowed):
        return None
    inner = _embedded(address)
    if inner is not None:
        reason = refusal(inner, allowed)
        return f"{reason} (embedded in {address})" if reason else None
    checks = [("loopback", address.is_loopback), ("unspecified", address.is_unspecified),
              ("link-local", address.is_link_local), ("multicast", address.is_multicast),
              ("shared address space (CGNAT)", address in CGNAT),
              ("reserved", address.is_reserved), ("private", address.is_private)]
    for reason, applies in checks:
        if applies:
            return f"{address} is {reason}"
    return None if address.is_global else f"{address} is not globally routable"
