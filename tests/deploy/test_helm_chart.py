"""The Helm chart, rendered offline with Helm's own SDK and checked against the
Kubernetes API schemas (no cluster needed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import helm_python as helm
import kubernetes_validate
import pytest
import yaml

from backbone.apidocs import service_documents
from backbone.routing import RouteTable
from backbone.service import discover_services

CHART = Path(__file__).resolve().parents[2] / "deploy" / "helm" / "backbone"
KUBERNETES_VERSION = "1.31.0"
DATABASE = {"database": {"url": "postgresql://backbone:secret@db:5432/postgres"},
            "auth": {"jwksUrl": "https://id.example.org/.well-known/jwks.json"}}


def render(values: dict[str, Any]) -> list[dict[str, Any]]:
    rendered = helm.Chart.load(CHART).render(values, name="bb", namespace="backbone",
                                             is_install=True)
    return [doc for text in rendered.values() for doc in yaml.safe_load_all(text) if doc]


def by_kind(manifests: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {m["metadata"]["name"]: m for m in manifests if m["kind"] == kind}


@pytest.mark.parametrize("values", [
    DATABASE,
    {"database": {"existingSecret": "db-credentials"},
     "auth": {"jwksUrl": "https://id.example.org/.well-known/jwks.json"},
     "otel": {"endpoint": "http://otel-collector:4318"},
     "services": {"agenda": {"enabled": True, "replicas": 3,
                             "autoscaling": {"enabled": False}}}},
    {**DATABASE, "auth": {"hs256Secret": "dev-only-but-long-enough-to-sign-with"},
     "migrations": {"enabled": False}},
])
def test_every_rendered_manifest_is_valid_kubernetes(values: dict[str, Any]) -> None:
    manifests = render(values)
    assert manifests
    for manifest in manifests:
        kubernetes_validate.validate(manifest, KUBERNETES_VERSION, strict=True)


def test_each_service_gets_a_deployment_probes_autoscaling_and_a_migrations_job() -> None:
    manifests = render(DATABASE)
    deployments = by_kind(manifests, "Deployment")
    services = [s.name for s in discover_services()]
    assert sorted(deployments) == sorted(f"bb-{name}" for name in services)
    for name in services:
        container = deployments[f"bb-{name}"]["spec"]["template"]["spec"]["containers"][0]
        assert container["image"] == f"ghcr.io/backbone/backbone-{name}:1.0.0"
        assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
        assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
        assert "replicas" not in deployments[f"bb-{name}"]["spec"]  # the HPA owns it
        assert f"bb-{name}" in by_kind(manifests, "HorizontalPodAutoscaler")
        assert f"bb-{name}" in by_kind(manifests, "PodDisruptionBudget")
        job = by_kind(manifests, "Job")[f"bb-{name}-migrate-1"]
        assert job["metadata"]["annotations"]["helm.sh/hook"] == "pre-install,pre-upgrade"
        assert f"backbone migrate {name}" in job["spec"]["template"]["spec"]["containers"][0][
            "args"][0]
    config = by_kind(manifests, "ConfigMap")["bb-config"]["data"]
    assert config["BACKBONE_MIGRATE_ON_START"] == "false"
    assert config["BACKBONE_JWT_ALGORITHMS"] == '["RS256"]'  # no HS256 secret given


def test_a_service_gets_its_own_settings_and_secret() -> None:
    smtp = {"BACKBONE_SMTP_HOST": "smtp.example.org", "BACKBONE_SMTP_PORT": "587"}
    manifests = render({**DATABASE, "services": {"notifications": {
        "enabled": True, "replicas": 2, "env": smtp, "envFromSecret": "smtp-credentials"}}})
    container = by_kind(manifests, "Deployment")["bb-notifications"]["spec"]["template"][
        "spec"]["containers"][0]
    assert {e["name"]: e["value"] for e in container["env"] if "value" in e}.items() >= \
        smtp.items()
    assert {"secretRef": {"name": "smtp-credentials"}} in container["envFrom"]
    for manifest in manifests:
        kubernetes_validate.validate(manifest, KUBERNETES_VERSION, strict=True)
    with pytest.raises(helm.HelmError):
        render({**DATABASE, "services": {"notifications": {
            "enabled": True, "replicas": 2, "env": {"SMTP_HOST": "x"}}}})


def test_values_are_checked_against_the_schema() -> None:
    chart = helm.Chart.load(CHART)
    with pytest.raises(helm.HelmError):
        chart.render({**DATABASE, "services": {"agenda": {"enabled": True, "replicas": "two"}}},
                     name="bb", namespace="backbone", is_install=True)
    with pytest.raises(helm.HelmError):
        chart.render({}, name="bb", namespace="backbone", is_install=True)  # no database
    with pytest.raises(helm.HelmError, match="no default key"):
        chart.render({"database": DATABASE["database"]}, name="bb", namespace="backbone",
                     is_install=True)


ROUTED = {"enabled": True, "host": "api.riverside.example"}
ROUTES: dict[str, Any] = {**DATABASE, "routes": ROUTED}


def test_the_ingress_routes_every_path_of_the_table_to_its_service() -> None:
    manifests = render(ROUTES)
    for manifest in manifests:
        kubernetes_validate.validate(manifest, KUBERNETES_VERSION, strict=True)
    [ingress] = by_kind(manifests, "Ingress").values()
    paths = {p["path"]: p["backend"]["service"]["name"]
             for p in ingress["spec"]["rules"][0]["http"]["paths"]}
    table = RouteTable.from_documents(service_documents())
    assert {p: s for p, s in paths.items() if s != "bb-gateway"} == {
        r.ingress_path: f"bb-{r.service}" for r in table.routes}
    assert {p for p, s in paths.items() if s == "bb-gateway"} == {
        "/openapi.json", "/docs", "/v1/event-types"}
    assert all(p.startswith("/") for p in paths)  # the API server refuses others
    gateway = by_kind(manifests, "Deployment")["bb-gateway"]["spec"]["template"]["spec"][
        "containers"][0]
    upstreams = json.loads(gateway["env"][0]["value"])
    assert upstreams == {s.name: f"http://bb-{s.name}" for s in discover_services()}
    assert set(by_kind(manifests, "Service")) >= {f"bb-{s}" for s in upstreams} | {
        "bb-gateway"}


def test_an_httproute_instead_keeps_within_the_gateway_apis_limits() -> None:
    """HTTPRoute is a custom resource (no schema in kubernetes-validate): its limits are
    checked here: at most 16 rules of at most 64 matches, fewer than 128 in all."""
    manifests = render({**ROUTES, "routes": {**ROUTED, "api": "gateway",
                                             "gatewayName": "public"}})
    assert "Ingress" not in {m["kind"] for m in manifests}
    [route] = by_kind(manifests, "HTTPRoute").values()
    assert route["apiVersion"] == "gateway.networking.k8s.io/v1"
    rules = route["spec"]["rules"]
    assert len(rules) <= 16
    assert all(len(rule["matches"]) <= 64 for rule in rules)
    assert sum(len(rule["matches"]) for rule in rules) < 128
    services = set(by_kind(manifests, "Service"))
    routed = {}
    for rule in rules:
        [backend] = rule["backendRefs"]
        assert backend["name"] in services
        for match in rule["matches"]:
            assert match["path"]["type"] in ("Exact", "RegularExpression")
            routed[match["path"]["value"]] = backend["name"]
    table = RouteTable.from_documents(service_documents())
    assert {r.regex: f"bb-{r.service}" for r in table.routes}.items() <= routed.items()
    with pytest.raises(helm.HelmError, match="gatewayName"):
        render({**ROUTES, "routes": {**ROUTED, "api": "gateway"}})


def test_the_services_run_as_their_own_roles_with_the_password_given() -> None:
    """The URL's role owns the tables; each service's role gets its password from the
    same Secret (optional: an existing Secret may leave it to peer or trust rules)."""
    manifests = render({**DATABASE, "database": {**DATABASE["database"], "appPassword": "s3cret"}})
    [secret] = [m for m in by_kind(manifests, "Secret").values()
                if "DATABASE_URL" in m["stringData"]]
    assert secret["stringData"]["APP_PASSWORD"] == "s3cret"
    for name in [s.name for s in discover_services()]:
        for workload in (by_kind(manifests, "Deployment")[f"bb-{name}"],
                         by_kind(manifests, "Job")[f"bb-{name}-migrate-1"]):
            env = {e["name"]: e for e in workload["spec"]["template"]["spec"]["containers"][0]
                   ["env"]}
            reference = env["BACKBONE_DATABASE_APP_PASSWORD"]["valueFrom"]["secretKeyRef"]
            assert (reference["name"], reference["key"]) == (secret["metadata"]["name"],
                                                              "APP_PASSWORD")
    assert "APP_PASSWORD" not in by_kind(render(DATABASE), "Secret")["bb-database"][
        "stringData"]
