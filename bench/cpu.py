"""CPU time spent so far by the processes a benchmark runs (Linux's /proc), so that a run
can say what its time was spent on, measured in that run."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, fields
from pathlib import Path

from backbone.devstack.infra import Infrastructure

_TICK = os.sysconf("SC_CLK_TCK")


def _stat(path: Path) -> list[str]:
    return path.read_text().rpartition(")")[2].split()


def _cpu(path: Path, *, reaped: bool = False) -> float:
    """User and system time; with ``reaped``, also that of children it waited for."""
    values = _stat(path)
    ticks = int(values[11]) + int(values[12])
    if reaped:
        ticks += int(values[13]) + int(values[14])
    return ticks / _TICK


def cpu_seconds(pid: int) -> tuple[float, float]:
    """User and system CPU time so far of the process, and of its threads but the main one
    (the main thread's id is the process's)."""
    total = _cpu(Path(f"/proc/{pid}/stat"))
    return total, total - _cpu(Path(f"/proc/{pid}/task/{pid}/stat"))


def tree_seconds(pid: int) -> float:
    """CPU time so far of a process and its children, those still running and those gone
    (PostgreSQL's backends are the postmaster's children)."""
    total = _cpu(Path(f"/proc/{pid}/stat"), reaped=True)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            values = _stat(entry / "stat")
        except (FileNotFoundError, ProcessLookupError):
            continue  # gone since the listing
        if int(values[1]) == pid:
            total += (int(values[11]) + int(values[12])) / _TICK
    return total


@dataclass(frozen=True)
class Usage:
    """Seconds of CPU: the service's request thread and its other threads (the outbox
    relay), PostgreSQL (but the relay's backend) and the relay's backend, the broker, and
    the benchmark's own process."""

    service: float
    relay: float
    postgres: float
    relay_sql: float
    broker: float
    client: float

    @classmethod
    def now(cls, infra: Infrastructure, service_pid: int, relay_backend: int) -> Usage:
        """``relay_backend``: the process id of the PostgreSQL backend the relay uses."""
        assert infra.postgres is not None
        assert infra.broker is not None
        postmaster = int((infra.postgres.data_dir / "postmaster.pid").read_text().split()[0])
        total, background = cpu_seconds(service_pid)
        relay_sql = _cpu(Path(f"/proc/{relay_backend}/stat"))
        return cls(service=total - background, relay=background,
                   postgres=tree_seconds(postmaster) - relay_sql, relay_sql=relay_sql,
                   broker=tree_seconds(infra.broker.pid), client=time.process_time())

    def __sub__(self, earlier: Usage) -> Usage:
        return Usage(*(getattr(self, f.name) - getattr(earlier, f.name) for f in fields(self)))

    @property
    def total(self) -> float:
        return sum(getattr(self, f.name) for f in fields(self))

    def per_item(self, count: int) -> str:
        """Microseconds per item, by process, and in all. (A thread's time is counted in
        clock ticks: the request thread's and the relay's may be a tick apart, shown as 0.)"""
        parts = ", ".join(f"{f.name} {max(getattr(self, f.name), 0) / count * 1e6:,.0f}"
                          for f in fields(self))
        return f"{parts}; total {self.total / count * 1e6:,.0f} µs"
