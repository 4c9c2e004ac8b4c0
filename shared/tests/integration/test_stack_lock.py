"""One stack per data folder: a second ``backbone up`` says who holds it and touches
nothing; a crashed holder leaves no lock behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from backbone.devstack.lock import StackRunningError, one_stack

HOLDER = """
import sys, time
from pathlib import Path
from backbone.devstack.lock import one_stack
with one_stack(Path(sys.argv[1]), {"agenda": 8001, "PostgreSQL": 55432}):
    print("held", flush=True)
    time.sleep(120)
"""


def _hold(data_dir: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(data_dir)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_a_second_up_names_the_running_stack_and_changes_nothing(tmp_path: Path) -> None:
    holder = _hold(tmp_path)
    try:
        before = sorted(p.name for p in tmp_path.iterdir())
        second = subprocess.run(
            [sys.executable, "-m", "backbone.cli", "up", "--data-dir", str(tmp_path)],
            capture_output=True, text=True, timeout=60,
            env={k: v for k, v in os.environ.items() if not k.startswith("BACKBONE_")})
        assert second.returncode != 0
        message = second.stderr.strip()
        assert len(message.splitlines()) == 1, message
        assert f"pid {holder.pid}" in message
        assert "agenda :8001" in message
        assert "PostgreSQL :55432" in message
        assert sorted(p.name for p in tmp_path.iterdir()) == before  # no pgdata, no logs
        assert holder.poll() is None
    finally:
        holder.kill()
        holder.wait()


def test_a_crashed_stack_leaves_no_lock(tmp_path: Path) -> None:
    holder = _hold(tmp_path)
    with pytest.raises(StackRunningError, match="already running"), one_stack(tmp_path, {}):
        pass
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    with one_stack(tmp_path, {"agenda": 8001}):
        assert '"agenda": 8001' in (tmp_path / "stack.lock").read_text()
