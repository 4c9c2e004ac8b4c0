"""Schemathesis, as its command line runs it, with every check (``--checks all``) and every
phase (examples, coverage, fuzzing, stateful), against each service and against the merged
document through the base URL. The stateful phase follows the documents' links from what a
call creates (initiatives, goals, indicators, activities, webhook endpoints, ...) to the
routes that use it; path ids are drawn from a world of real objects most of the time, so
the other phases reach real objects too."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from backbone.testing import RunningService

ROOT = Path(__file__).resolve().parents[2]
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
SEED = "20261202"
"""A fixed seed: every run generates the same cases, so a failure reproduces."""


def _config(world: Any, path: Path) -> Path:
    """The project's configuration, and the world's ids as dictionaries for path ids."""
    ids = {name: value for name, value in world.ids.items()
           if name.endswith("_id") and name != "external_id"}
    lines = [(ROOT / "schemathesis.toml").read_text()]
    for name, value in ids.items():
        lines.append(f'[dictionaries.{name}]\nvalues = ["{value}"]\n')
    lines.append("[parameters]")
    lines += [f'"path.{name}" = {{ dictionary = "{name}", probability = 0.8 }}' for name in ids]
    path.write_text("\n".join(lines) + "\n")
    return path


def _run(server: RunningService, world: Any, tmp_path: Path) -> str:
    token = world.tenant.token("network:admin", sub="fuzzer")
    completed = subprocess.run(
        [str(SCHEMATHESIS), "--config-file", str(_config(world, tmp_path / "st.toml")),
         "run", f"{server.url}/openapi.json", "--url", server.url, "--checks", "all",
         "--phases", "examples,coverage,fuzzing,stateful", "--max-examples", "10",
         "--seed", SEED, "--header", f"Authorization: Bearer {token}", "--no-color"],
        capture_output=True, text=True, check=False, cwd=tmp_path, timeout=900)
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output[-20_000:]
    return output


def _cases(output: str) -> int:
    """How many test cases the run generated (its summary says; shown with ``pytest -rP``)."""
    found = re.search(r"(\d+) generated", output)
    assert found, output[-5_000:]
    print(*re.findall(r"(?:Scenarios|API Links):.*|\d+ generated.*", output), sep="\n")
    return int(found.group(1))


@pytest.mark.parametrize("service", ["agenda", "measurement", "activities", "notifications"])
def test_each_service_passes_every_check(
        service: str, request: pytest.FixtureRequest, world: Any, tmp_path: Path) -> None:
    server: RunningService = request.getfixturevalue(f"{service}_server")
    output = _run(server, world, tmp_path)
    assert _cases(output) >= 1000
    assert "Stateful" in output


def test_the_merged_document_passes_every_check_through_the_base_url(
        gateway_server: RunningService, world: Any, tmp_path: Path) -> None:
    output = _run(gateway_server, world, tmp_path)
    assert _cases(output) >= 4000
    links = re.search(r"API Links:\s+(\d+) covered", output)
    assert links, output[-5_000:]
    assert int(links.group(1)) > 0, output[-5_000:]
