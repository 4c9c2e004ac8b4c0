"""One stack per data folder: ``backbone up`` holds an exclusive lock on
``<data>/stack.lock`` while it runs, with what it runs written inside.

The lock is the operating system's (``flock``): it goes with the process, so a crashed
stack leaves no lock behind, and the next ``up`` takes the folder over.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator
from pathlib import Path

LOCK_FILE = "stack.lock"


class StackRunningError(RuntimeError):
    """Another stack holds the data folder; the message says which and where."""


@contextlib.contextmanager
def one_stack(data_dir: Path, ports: dict[str, int]) -> Iterator[None]:
    """Hold the data folder for this process, or raise ``StackRunningError``."""
    data_dir.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(data_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(descriptor, 65536, 0)
        os.close(descriptor)
        raise StackRunningError(_describe(data_dir, holder)) from None
    try:
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, json.dumps({"pid": os.getpid(), "ports": ports}).encode(), 0)
        yield
    finally:
        os.ftruncate(descriptor, 0)
        os.close(descriptor)  # closing releases the lock


def _describe(data_dir: Path, holder: bytes) -> str:
    try:
        running = json.loads(holder)
        where = ", ".join(f"{name} :{port}" for name, port in running["ports"].items())
        who = f"pid {running['pid']}; {where}"
    except (ValueError, KeyError, TypeError):
        who = "starting up"
    return (f"A Backbone stack is already running from {data_dir} ({who}); stop it first "
            "(Ctrl-C in its terminal), or use another --data-dir.")
