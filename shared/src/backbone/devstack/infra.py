"""Starting the infrastructure: embedded by default, external when the environment says so."""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from backbone.db import create_engine
from backbone.devstack.broker import EmbeddedBroker
from backbone.devstack.postgres import EmbeddedPostgres
from backbone.events.inbox import InboxMessage
from backbone.events.kafka import ensure_topics
from backbone.migrations import ensure_database, secure_database, upgrade
from backbone.service import ServiceSpec
from backbone.settings import BaseServiceSettings


@dataclass
class Infrastructure:
    database_url: str
    bootstrap_servers: str
    jwt_secret: str
    postgres: EmbeddedPostgres | None = None
    broker: EmbeddedBroker | None = None

    @property
    def idempotent_producer(self) -> bool:
        """Tansu rejects idempotent producers; real Kafka should have them."""
        if "BACKBONE_KAFKA_IDEMPOTENT_PRODUCER" in os.environ:
            return os.environ["BACKBONE_KAFKA_IDEMPOTENT_PRODUCER"].lower() in ("1", "true")
        return self.broker is None

    def settings_env(self) -> dict[str, str]:
        """The ``BACKBONE_*`` variables that point a service at this infrastructure."""
        return {
            "BACKBONE_DATABASE_URL": self.database_url,
            "BACKBONE_KAFKA_BOOTSTRAP_SERVERS": self.bootstrap_servers,
            "BACKBONE_KAFKA_IDEMPOTENT_PRODUCER": str(self.idempotent_producer).lower(),
            "BACKBONE_JWT_SECRET": self.jwt_secret,
        }

    def settings(self, service: str, **overrides: object) -> BaseServiceSettings:
        return BaseServiceSettings(
            service_name=service, database_url=self.database_url,
            kafka_bootstrap_servers=self.bootstrap_servers,
            kafka_idempotent_producer=self.idempotent_producer,
            jwt_secret=self.jwt_secret, **overrides,  # type: ignore[arg-type]
        )

    def stop(self) -> None:
        if self.broker is not None:
            self.broker.stop()
        if self.postgres is not None:
            self.postgres.stop()


def start_infrastructure(
    data_dir: Path, *, pg_port: int, kafka_port: int, durable: bool = True,
    postgres_settings: Mapping[str, str] | None = None,
) -> Infrastructure:
    """Start what ``BACKBONE_DATABASE_URL`` / ``BACKBONE_KAFKA_BOOTSTRAP_SERVERS`` don't name
    (``postgres_settings``: the embedded server's, beyond the stack's own)."""
    infra = Infrastructure(
        database_url=os.environ.get("BACKBONE_DATABASE_URL", ""),
        bootstrap_servers=os.environ.get("BACKBONE_KAFKA_BOOTSTRAP_SERVERS", ""),
        jwt_secret=os.environ.get("BACKBONE_JWT_SECRET") or stack_secret(data_dir),
    )
    try:
        if not infra.database_url:
            infra.postgres = EmbeddedPostgres(data_dir / "pgdata", pg_port, durable=durable,
                                              settings=postgres_settings)
            infra.postgres.start()
            infra.database_url = infra.postgres.url
        if not infra.bootstrap_servers:
            infra.broker = EmbeddedBroker(kafka_port, data_dir / "logs" / "tansu.log")
            infra.broker.start()
            infra.bootstrap_servers = infra.broker.bootstrap_servers
    except BaseException:
        infra.stop()
        raise
    return infra


SIGNING_KEY_FILE = "jwt-secret"


def stack_secret(data_dir: Path) -> str:
    """The stack's HS256 secret: made at random on first use, kept in the data folder
    (readable by its owner only) for the services and ``backbone token``."""
    path = data_dir / SIGNING_KEY_FILE
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as secret:
            secret.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


def prepare_service(infra: Infrastructure, spec: ServiceSpec, **overrides: object) -> None:
    """Create the service's topics and database, and migrate it to head."""
    settings = infra.settings(spec.name, **overrides)
    asyncio.run(ensure_topics(infra.bootstrap_servers, spec.topics(settings),
                              settings.kafka_topic_partitions))
    upgrade(settings, spec)


async def consumer_database(
    infra: Infrastructure, name: str, **overrides: object
) -> tuple[BaseServiceSettings, AsyncEngine]:
    """Settings and an engine for a stand-alone consumer named ``name`` (its database with
    an inbox table), for tests and benchmarks that consume a service's events."""
    settings = infra.settings(name, **overrides)
    await ensure_database(settings)
    owner = create_engine(settings, as_owner=True)
    async with owner.begin() as conn:
        await conn.run_sync(InboxMessage.__table__.create, checkfirst=True)  # type: ignore[attr-defined]
    await owner.dispose()
    await secure_database(settings)
    return settings, create_engine(settings)
