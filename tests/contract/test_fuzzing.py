"""Schemathesis, as its command line runs it, with every check (``--checks all``): every
phase (examples, coverage, fuzzing, stateful) against each service, and the examples and
stateful phases against the merged document through the base URL (its operations are the
services' own, already fuzzed; what only it has is the links between services). The
stateful phase follows the documents' links from what a call creates (initiatives, goals,
indicators, activities, webhook endpoints, ...) to the routes that use it; path ids are
drawn from a world of real objects most of the time, so the other phases reach real objects
too."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from backbone.testing import RunningService

ROOT = Path(__file__).resolve().parents[2]
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
SEED = "20261202"
"""A fixed seed: every run generates the same cases, so a failure reproduces."""
pytestmark = pytest.mark.timeout(900)  # the first test waits for its run beside the others


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


SERVICES = ("agenda", "measurement", "activities", "notifications")
PHASES = {**dict.fromkeys(SERVICES, "examples,coverage,fuzzing,stateful"),
          "gateway": "examples,stateful"}


def _run(name: str, server: RunningService, world: Any, tmp_path: Path) -> str:
    """One run of the command line; its output, which says what failed if it did not pass."""
    token = world.tenant.token("network:admin", sub=f"fuzzer-{name}")
    completed = subprocess.run(
        [str(SCHEMATHESIS), "--config-file", str(_config(world, tmp_path / "st.toml")),
         "run", f"{server.url}/openapi.json", "--url", server.url, "--checks", "all",
         "--phases", PHASES[name], "--max-examples", "10",
         "--seed", SEED, "--header", f"Authorization: Bearer {token}", "--no-color"],
        capture_output=True, text=True, check=False, cwd=tmp_path, timeout=840)
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output[-20_000:]
    return output


@pytest.fixture(scope="module")
def outputs(request: pytest.FixtureRequest, gateway_server: RunningService, world: Any,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Future[str]]]:
    """The five runs, side by side (each waits on its server most of the time; together
    they keep the machine's cores busy), started before the first test reads one."""
    servers = {name: request.getfixturevalue(f"{name}_server") for name in PHASES}
    with ThreadPoolExecutor(max_workers=3) as pool:
        yield {name: pool.submit(_run, name, server, world, tmp_path_factory.mktemp(name))
               for name, server in servers.items()}


def _cases(output: str) -> int:
    """How many test cases the run generated (its summary says; shown with ``pytest -rP``)."""
    found = re.search(r"(\d+) generated", output)
    assert found, output[-5_000:]
    print(*re.findall(r"(?:Scenarios|API Links):.*|\d+ generated.*", output), sep="\n")
    return int(found.group(1))


@pytest.mark.parametrize("service", SERVICES)
def test_each_service_passes_every_check(service: str, outputs: dict[str, Future[str]]) -> None:
    output = outputs[service].result()
    assert _cases(output) >= 1000
    assert "Stateful" in output


def test_the_merged_document_passes_every_check_through_the_base_url(
        outputs: dict[str, Future[str]]) -> None:
    output = outputs["gateway"].result()
    assert _cases(output) >= 200
    links = re.search(r"API Links:\s+(\d+) covered", output)
    assert links, output[-5_000:]
    assert int(links.group(1)) > 0, output[-5_000:]
