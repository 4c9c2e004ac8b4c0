"""A lean HTTP/1.1 keep-alive load generator (asyncio streams), so that the generator, not
the server, is not what a benchmark measures. One request shape per run; ``{n}`` in the
path is a number of its own in each request (e.g. a new external id for each upsert)."""

from __future__ import annotations

import asyncio
import math
import statistics
import time
from dataclasses import dataclass


@dataclass
class Result:
    rps: float
    p50_ms: float
    p99_ms: float
    n: int
    errors: int


def _request(method: str, path: str, host: str, headers: dict[str, str], body: bytes) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", f"Content-Length: {len(body)}"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


async def run(port: int, method: str, path: str, *, headers: dict[str, str] | None = None,
              body: bytes = b"", connections: int = 64, seconds: float = 10) -> Result:
    host = f"127.0.0.1:{port}"
    request = _request(method, path, host, headers or {}, body)
    numbered = "{n}" in path
    sent = 0
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def connection() -> None:
        nonlocal errors, sent
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < deadline:
                start = time.perf_counter()
                if numbered:
                    sent += 1
                    writer.write(_request(method, path.replace("{n}", str(sent)), host,
                                          headers or {}, body))
                else:
                    writer.write(request)
                status = await _read_response(reader)
                latencies.append(time.perf_counter() - start)
                errors += status >= 300
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*[connection() for _ in range(connections)])
    elapsed = time.perf_counter() - started
    p50, p99 = p50_p99(latencies)
    return Result(rps=len(latencies) / elapsed, p50_ms=p50 * 1000, p99_ms=p99 * 1000,
                  n=len(latencies), errors=errors)


def p50_p99(values: list[float]) -> tuple[float, float]:
    """The median and the 99th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return statistics.median(ordered), ordered[max(0, math.ceil(len(ordered) * 0.99) - 1)]
