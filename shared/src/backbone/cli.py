"""The ``backbone`` command: run the stack, mint development tokens, apply migrations,
generate a new service."""

from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path

from backbone.auth.tokens import mint_token
from backbone.devstack.infra import SIGNING_KEY_FILE
from backbone.settings import BaseServiceSettings


def _up(args: argparse.Namespace) -> None:
    from backbone.devstack.lock import StackRunningError
    from backbone.devstack.stack import up

    try:
        up(Path(args.data_dir), demo=args.demo, pg_port=args.pg_port,
           kafka_port=args.kafka_port)
    except StackRunningError as exc:
        sys.exit(str(exc))


def _token(args: argparse.Namespace) -> None:
    """Each token gets its own ``sub`` unless one is given (so two callers never share
    idempotency keys or an audit identity by accident)."""
    settings = BaseServiceSettings()
    if settings.jwt_secret is None:
        secret = Path(args.data_dir) / SIGNING_KEY_FILE
        if not secret.exists():
            sys.exit(f"No secret to sign with: set BACKBONE_JWT_SECRET, or run `./dev up` "
                     f"first (it keeps the stack's secret in {secret}).")
        settings = BaseServiceSettings(jwt_secret=secret.read_text().strip())
    print(mint_token(settings, sub=args.sub or f"dev-{uuid.uuid4().hex[:12]}",
                     tenant=args.tenant, roles=args.role,
                     org=uuid.UUID(args.org) if args.org else None, ttl_s=args.ttl))


def _migrate(args: argparse.Namespace) -> None:
    from backbone.migrations import upgrade
    from backbone.service import discover_services

    for spec in discover_services():
        if args.service in (spec.name, "all"):
            upgrade(BaseServiceSettings(service_name=spec.name), spec)
            print(f"{spec.name}: migrated to head")


def _topics(args: argparse.Namespace) -> None:
    import asyncio

    from backbone.events.kafka import ensure_topics
    from backbone.service import discover_services

    for spec in discover_services():
        if args.service in (spec.name, "all"):
            settings = BaseServiceSettings(service_name=spec.name)
            topics = spec.topics(settings)
            asyncio.run(ensure_topics(settings.kafka_bootstrap_servers, topics,
                                      settings.kafka_topic_partitions))
            print(f"{spec.name}: topics {', '.join(topics)} exist")


def _docs(args: argparse.Namespace) -> None:
    from backbone.published import write_all

    for path in write_all(Path(args.root)):
        print(f"wrote {path}")


def _new_service(args: argparse.Namespace) -> None:
    import shutil
    import subprocess

    from backbone.scaffold import ScaffoldError, new_service
    from backbone.scaffold.registration import taken_ports

    root = Path(args.root).resolve()
    port = args.port or max(taken_ports(root), default=8000) + 1
    try:
        written = new_service(root, args.name, port)
    except ScaffoldError as exc:
        sys.exit(str(exc))
    print(f"services/{args.name}: {len(written)} files, port {port}; registered in "
          "pyproject.toml, docker-compose.yml and deploy/helm/backbone/values.yaml")
    uv = root / ".tools" / "bin" / "uv"
    command = str(uv) if uv.exists() else shutil.which("uv")
    if args.no_lock or command is None:
        print("next: `uv lock`, `./dev docs` (its event contract), then ./dev test")
        return
    # Lock and install the workspace as ./dev does, then publish the service's events.
    for step in ([command, "lock", "--quiet"],
                 [command, "sync", "--frozen", "--all-packages", "--quiet",
                  "--python", sys.executable],
                 [str(root / ".venv" / "bin" / "backbone"), "docs", "--root", str(root)]):
        subprocess.run(step, cwd=root, check=True)  # noqa: S603
    print("uv.lock updated, the workspace installed, the published documents regenerated; "
          "next: ./dev test")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="backbone", description=__doc__)
    commands = parser.add_subparsers(required=True)

    up = commands.add_parser("up", help="run the platform on embedded PostgreSQL and Tansu")
    up.add_argument("--demo", action="store_true", help="load a demo network via the API")
    up.add_argument("--data-dir", default=".backbone", help="where data and logs live")
    up.add_argument("--pg-port", type=int, default=55432)
    up.add_argument("--kafka-port", type=int, default=19092)
    up.set_defaults(func=_up)

    token = commands.add_parser("token", help="mint a development JWT (HS256 secret)")
    token.add_argument("--tenant", default="demo-network")
    token.add_argument("--sub", help="the caller (default: a new one per token)")
    token.add_argument("--data-dir", default=".backbone", help="the stack's data folder")
    token.add_argument("--org", help="the caller's organization id")
    token.add_argument("--role", action="append", default=None,
                       help="a grant, repeatable: network:admin, initiative:<id>:backbone ...")
    token.add_argument("--ttl", type=int, default=12 * 3600, help="lifetime in seconds")
    token.set_defaults(func=_token)

    migrate = commands.add_parser("migrate", help="apply migrations (e.g. as a Kubernetes Job)")
    migrate.add_argument("service", help="a service name, or 'all'")
    migrate.set_defaults(func=_migrate)

    topics = commands.add_parser("topics", help="create a service's topics if missing")
    topics.add_argument("service", help="a service name, or 'all'")
    topics.set_defaults(func=_topics)

    docs = commands.add_parser("docs", help="write what is published from the code: the event "
                                            "contract, the OpenAPI document, the route table")
    docs.add_argument("--root", default=".", help="the repository")
    docs.set_defaults(func=_docs)

    new = commands.add_parser("new-service",
                              help="generate a service skeleton (docs/adding-a-service.md)")
    new.add_argument("name", help="2-30 lowercase letters and digits, e.g. grants")
    new.add_argument("--port", type=int,
                     help="its port in the embedded stack (default: the next free one)")
    new.add_argument("--root", default=".", help="the repository's root")
    new.add_argument("--no-lock", action="store_true", help="leave uv.lock as it is")
    new.set_defaults(func=_new_service)

    args = parser.parse_args(argv)
    if getattr(args, "role", "") is None:
        args.role = ["network:admin"]
    args.func(args)


if __name__ == "__main__":
    main()
