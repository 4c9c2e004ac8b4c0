"""Which addresses deliveries may reach (pure rules), and the resolution that applies them
to a URL: every address a name resolves to is checked."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from typing import Any

import pytest

from notifications.config import Settings
from notifications.domain.addresses import networks, refusal
from notifications.service.targets import RefusedTargetError, resolve


@pytest.mark.parametrize(("address", "reason"), [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("0.0.0.0", "unspecified"),  # noqa: S104
    ("10.1.2.3", "private"), ("172.16.5.4", "private"), ("192.168.1.1", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("100.64.0.1", "CGNAT"), ("224.0.0.1", "multicast"), ("ff02::1", "multicast"),
    ("240.0.0.1", "reserved"), ("fc00::1", "private"),
    ("::ffff:127.0.0.1", "loopback"), ("::ffff:10.0.0.1", "private"),
    ("64:ff9b::a00:1", "private"), ("2002:a00:1::", "private"),
    ("192.0.2.10", "private"),  # documentation range: not routable
])
def test_every_non_global_class_is_refused_with_its_reason(address: str, reason: str) -> None:
    found = refusal(ipaddress.ip_address(address))
    assert found is not None
    assert reason in found


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700:4700::1111", "1.1.1.1"])
def test_global_addresses_are_allowed(address: str) -> None:
    assert refusal(ipaddress.ip_address(address)) is None


def test_the_allow_list_admits_its_networks_only() -> None:
    allowed = networks(["127.0.0.0/8"])
    assert refusal(ipaddress.ip_address("127.0.0.1"), allowed) is None
    assert refusal(ipaddress.ip_address("::ffff:127.0.0.1"), allowed) is None
    assert refusal(ipaddress.ip_address("10.0.0.1"), allowed) is not None


async def test_a_name_with_one_private_address_among_public_ones_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def rebinding(host: str, port: int, **_: Any) -> list[Any]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", port))]

    monkeypatch.setattr(asyncio.get_running_loop(), "getaddrinfo", rebinding)
    with pytest.raises(RefusedTargetError, match=r"10\.0\.0\.5 is private"):
        await resolve("https://hooks.example.org/x", Settings(jwt_secret="s" * 32))


async def test_the_checked_address_is_the_one_connected_to(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def public(host: str, port: int, **_: Any) -> list[Any]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port))]

    monkeypatch.setattr(asyncio.get_running_loop(), "getaddrinfo", public)
    target = await resolve("https://hooks.example.org:8443/x?y=1", Settings(jwt_secret="s" * 32))
    assert (target.url, target.host_header, target.server_name) == (
        "https://93.184.215.14:8443/x?y=1", "hooks.example.org:8443", "hooks.example.org")


async def test_plain_http_needs_the_setting() -> None:
    with pytest.raises(RefusedTargetError, match="https"):
        await resolve("http://127.0.0.1/x", Settings(jwt_secret="s" * 32,
                                                     webhook_allowed_networks=["127.0.0.0/8"]))
