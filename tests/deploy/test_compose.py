"""docker-compose.yml stays true to the code: every service is there with its migrations
step, and every BACKBONE_* variable it sets is a real setting (of the library or of that
service)."""

from __future__ import annotations

import json
from importlib import import_module
from pathlib import Path

import yaml

from backbone.apidocs import service_documents
from backbone.routing import RouteTable
from backbone.service import discover_services

ROOT = Path(__file__).resolve().parents[2]


def test_compose_runs_every_service_after_its_migrations_on_kafka_and_postgres() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert {"postgres", "kafka", "otel-collector"} <= set(services)
    for spec in discover_services():
        own = import_module(f"{spec.name}.config").Settings  # the service's settings
        known = {f"BACKBONE_{name.upper()}" for name in own.model_fields}
        service, migrate = services[spec.name], services[f"{spec.name}-migrate"]
        for container in (service, migrate):
            build = container.get("build", migrate["build"])
            assert (ROOT / build["dockerfile"]).exists()
            assert build["args"]["SERVICE"] == spec.name  # one Dockerfile, per-service arg
        assert f"backbone migrate {spec.name}" in " ".join(migrate["command"])
        assert service["depends_on"][f"{spec.name}-migrate"]["condition"] == \
            "service_completed_successfully"
        assert service["ports"] == [f"{spec.port}:8000"]
        for container in (service, migrate):
            variables = {k for k in container["environment"] if k.startswith("BACKBONE_")}
            assert variables <= known, variables - known
            # postgres:17 admits host connections by password only: the service's role too.
            assert container["environment"]["BACKBONE_DATABASE_APP_PASSWORD"]
            # No default secret: compose refuses to start without one.
            assert container["environment"]["BACKBONE_JWT_SECRET"].startswith(
                "${BACKBONE_JWT_SECRET:?")


def test_compose_serves_every_service_at_one_base_url() -> None:
    """nginx on port 8000 routes by the generated table; the gateway (the docs) knows every
    service."""
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    edge, gateway = services["edge"], services["gateway"]
    assert edge["ports"] == ["8000:8000"]
    [mount] = edge["volumes"]
    source, target, _ = mount.split(":")
    assert (ROOT / source).read_text() == RouteTable.from_documents(
        service_documents()).nginx()
    assert target == "/etc/nginx/conf.d/default.conf"
    upstreams = json.loads(gateway["environment"]["BACKBONE_GATEWAY_UPSTREAMS"])
    assert upstreams == {s.name: f"http://{s.name}:8000" for s in discover_services()}
    assert "backbone.gateway:create_app" in gateway["command"]
