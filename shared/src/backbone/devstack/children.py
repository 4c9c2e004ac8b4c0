"""Child processes of a stack that end when it ends, even if it is killed outright."""

from __future__ import annotations

import ctypes
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """For ``subprocess.Popen(preexec_fn=...)``: on Linux, the child gets SIGTERM when the
    process that started it exits, however it exits (elsewhere nothing changes)."""
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
