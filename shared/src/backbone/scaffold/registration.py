"""Where a new service is named outside its own folder: the workspace's ``pyproject.toml``
(dependency, source, first-party package, test path), ``docker-compose.yml`` (its migrations
step and its container) and the Helm chart's values (its Deployment settings).

Each edit is textual (comments and layout stay) and checked by parsing the result.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import yaml

COMPOSE_SERVICE = """
  {name}-migrate:
    build:
      context: .
      dockerfile: deploy/Dockerfile
      args: {{SERVICE: {name}}}
    image: backbone-{name}
    command: ["sh", "-c", "backbone migrate {name} && backbone topics {name}"]
    environment: *backbone-env
    depends_on:
      postgres:
        condition: service_healthy
      kafka:
        condition: service_healthy

  {name}:
    image: backbone-{name}
    environment: *backbone-env
    ports:
      - "{port}:8000"
    depends_on:
      {name}-migrate:
        condition: service_completed_successfully
      otel-collector:
        condition: service_started
    healthcheck:
      test: ["CMD", "python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/readyz')"]
      interval: 5s
      retries: 20
"""

HELM_SERVICE = """  {name}:
    enabled: true
    replicas: 2
    resources:
      requests: {{cpu: 250m, memory: 256Mi}}
      limits: {{cpu: "1", memory: 512Mi}}
    autoscaling:
      enabled: true
      minReplicas: 2
      maxReplicas: 10
      targetCPUUtilizationPercentage: 70
    podDisruptionBudget:
      minAvailable: 1
"""


def taken_ports(root: Path) -> dict[int, str]:
    """The embedded stack's ports of the services in the repository (from compose, which
    names every service with its port)."""
    compose = yaml.safe_load((root / "docker-compose.yml").read_text())
    taken = {}
    for name, container in compose["services"].items():
        for mapping in container.get("ports", []):
            taken[int(str(mapping).split(":")[0])] = name
    return taken


def _append_to_list(text: str, key: str, item: str) -> str:
    """Add ``item`` to the one-line TOML list ``key = [...]``."""
    pattern = re.compile(rf"^({re.escape(key)} = \[)(.*?)(\])$", re.MULTILINE)
    match = pattern.search(text)
    if match is None:
        raise ValueError(f"no one-line list {key} in pyproject.toml")
    return text[:match.end(2)] + f", {item}" + text[match.end(2):]


def _register_in_workspace(root: Path, name: str) -> None:
    path = root / "pyproject.toml"
    text = path.read_text()
    text = _append_to_list(text, "dependencies", f'"backbone-{name}"')
    text = _append_to_list(text, "known-first-party", f'"{name}"')
    text = text.replace('"tests"]', f'"services/{name}/tests", "tests"]', 1)
    sources = text.index("[tool.uv.sources]")
    end = text.index("\n\n", sources)
    text = text[:end] + f"\nbackbone-{name} = {{ workspace = true }}" + text[end:]
    parsed = tomllib.loads(text)
    assert f"backbone-{name}" in parsed["tool"]["uv"]["sources"]
    assert f"services/{name}/tests" in parsed["tool"]["pytest"]["ini_options"]["testpaths"]
    path.write_text(text)


_UPSTREAMS = re.compile(r"^(\s*BACKBONE_GATEWAY_UPSTREAMS: ')(\{.*\})(')$", re.MULTILINE)


def _register_in_compose(root: Path, name: str, port: int) -> None:
    """Its migrations and container before the gateway (which it becomes an upstream of)."""
    path = root / "docker-compose.yml"
    text = path.read_text()
    gateway = text.index("\n  # The platform's OpenAPI document")
    text = text[:gateway] + COMPOSE_SERVICE.format(name=name, port=port) + text[gateway:]
    match = _UPSTREAMS.search(text)
    if match is None:
        raise ValueError("no BACKBONE_GATEWAY_UPSTREAMS line in docker-compose.yml")
    upstreams = {**json.loads(match[2]), name: f"http://{name}:8000"}
    text = text[:match.start(2)] + json.dumps(upstreams) + text[match.end(2):]
    compose = yaml.safe_load(text)
    assert {name, f"{name}-migrate"} <= set(compose["services"])
    path.write_text(text)


def _register_in_helm(root: Path, name: str) -> None:
    path = root / "deploy" / "helm" / "backbone" / "values.yaml"
    text = path.read_text()
    start = text.index("\nservices:\n") + len("\nservices:\n")
    following = re.search(r"^\S", text[start:], re.MULTILINE)
    end = start + following.start() if following else len(text)
    text = text[:end] + HELM_SERVICE.format(name=name) + text[end:]
    assert name in yaml.safe_load(text)["services"]
    path.write_text(text)


def register(root: Path, name: str, port: int) -> None:
    _register_in_workspace(root, name)
    _register_in_compose(root, name, port)
    _register_in_helm(root, name)
