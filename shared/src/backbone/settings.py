"""Settings shared by every service, read from ``BACKBONE_*`` environment variables."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url


class MissingTokenKeyError(RuntimeError):
    """Neither an HS256 secret nor a JWKS URL is configured."""


class BaseServiceSettings(BaseSettings):
    """Configuration common to all services. Each service subclasses it and sets ``service_name``.

    Every field maps to an environment variable named ``BACKBONE_<FIELD>`` (see the README).
    """

    model_config = SettingsConfigDict(env_prefix="BACKBONE_", extra="ignore")

    service_name: str = "backbone"

    database_url: str = Field(
        "postgresql+asyncpg://postgres@127.0.0.1:55432/postgres",
        description="PostgreSQL server, as the role that owns the service's tables (the "
                    "migrations run as it); the database part is replaced by database_name.",
    )
    database_name: str | None = Field(None, description="Defaults to backbone_<service>.")
    database_app_user: str | None = Field(
        None, description="The role the service runs as: it owns no table, and row-level "
                          "security shows it only the rows of the tenant each transaction "
                          "names. Defaults to backbone_<service>_app; the migrations create "
                          "it (LOGIN) if it does not exist.")
    database_app_password: SecretStr | None = Field(
        None, description="That role's password (none: the server's trust or peer rules "
                          "admit it, as on the embedded stack).")
    consumer_group: str | None = Field(
        None, description="The Kafka consumer group (and inbox name) of the service's "
                          "consumers; defaults to the service name. A second, separate copy "
                          "of a service on the same broker needs its own.")
    database_pool_size: int = Field(10, description="Pooled connections per process for "
                                    "writes and composed reads.")
    database_read_pool_size: int = Field(10, description="Connections per process of the "
                                         "row pool (GET by id, lists, and the writes made "
                                         "on it), opened on demand.")
    database_max_overflow: int = Field(
        0, description="Extra connections beyond the pool under load; they are opened and "
        "closed per burst, which costs more than waiting for a pooled one.",
    )
    database_pool_pre_ping: bool = Field(
        False, description="Ping each connection at checkout (one extra round trip per "
        "transaction); turn on behind proxies or failovers that drop idle connections.",
    )
    database_pool_recycle_s: int = Field(1800, description="Replace connections this old.")

    kafka_bootstrap_servers: str = "127.0.0.1:19092"
    kafka_idempotent_producer: bool = Field(
        False, description="Enable for real Kafka; Tansu rejects InitProducerId v0."
    )
    kafka_session_timeout_ms: int = 6000
    kafka_heartbeat_interval_ms: int = 1000
    kafka_fetch_max_wait_ms: int = Field(
        20, description="How long a fetch may wait for data: lower means lower event latency."
    )
    kafka_topic_partitions: int = 3

    outbox_poll_interval_s: float = 1.0
    outbox_linger_s: float = Field(
        0.005, ge=0, description="How long the relay waits before its next round when events "
        "were written during the last one: more events per round under load, no delay when "
        "it was idle.")
    outbox_batch_size: int = 2000
    outbox_retention_hours: float = 72.0
    consumer_max_attempts: int = 5
    consumer_retry_backoff_s: float = 0.2

    jwt_secret: SecretStr | None = Field(
        None, description="HS256 secret (development; `./dev up` makes one per stack). In "
                          "production leave it unset and set jwt_jwks_url.")
    jwt_jwks_url: str | None = None
    jwt_issuer: str = "backbone-dev"
    jwt_audience: str = "backbone"
    jwt_algorithms: list[str] = ["HS256", "RS256"]

    consistency_wait_s: float = Field(
        5.0, description="How long a request with a Backbone-Consistency-Token waits for "
                         "the events it names to be applied here (then 503).")
    max_body_bytes: int = 1_048_576
    max_bulk_body_bytes: int = 16_777_216
    cors_allowed_origins: list[str] = Field(
        [], description="Origins browsers may call the API from (`https://app.example.org`); "
                        "`*` stands for any port or subdomain part (`http://localhost:*`). "
                        "None by default.")
    rate_limit_reads_per_minute: int = Field(
        1200, ge=0, description="GET requests per caller and minute (0: no limit).")
    rate_limit_writes_per_minute: int = Field(
        300, ge=0, description="POST, PUT, PATCH and DELETE requests per caller and minute.")
    rate_limit_bulk_per_minute: int = Field(
        30, ge=0, description="Bulk imports per caller and minute.")
    rate_limit_store: Literal["memory", "database"] = Field(
        "memory", description="Where the counts are kept: in each process (`memory`), or in "
                              "the service's database (`database`), shared by its replicas.")
    run_relay: bool = True
    run_consumers: bool = Field(True, description="Run the consumers here.")
    run_workers: bool = Field(True, description="Run the service's background workers here "
                                                "(webhook deliveries, emails, digests).")
    migrate_on_start: bool = True
    log_level: str = "INFO"
    log_json: bool = True

    @field_validator("jwt_secret", mode="before")
    @classmethod
    def _empty_secret_disables_hs256(cls, value: object) -> object:
        return None if value in ("", None) else value

    def check_auth(self) -> None:
        """A service refuses to start unless it can validate tokens: there is no default
        secret anyone could mint tokens with."""
        if self.jwt_secret is None and not self.jwt_jwks_url:
            raise MissingTokenKeyError(
                "No way to validate tokens: set BACKBONE_JWT_SECRET (HS256, development) or "
                "BACKBONE_JWT_JWKS_URL (production). `./dev up` generates a secret per stack.")

    @property
    def effective_database_name(self) -> str:
        return self.database_name or f"backbone_{self.service_name}"

    @property
    def app_user(self) -> str:
        return self.database_app_user or f"backbone_{self.service_name}_app"

    @property
    def owner_sqlalchemy_url(self) -> str:
        """The async SQLAlchemy URL of this service's own database, as its tables' owner."""
        url = make_url(self.database_url).set(drivername="postgresql+asyncpg")
        return url.set(database=self.effective_database_name).render_as_string(hide_password=False)

    @property
    def sqlalchemy_url(self) -> str:
        """The same database as the role the service runs as (``app_user``)."""
        password = self.database_app_password
        url = make_url(self.owner_sqlalchemy_url).set(
            username=self.app_user,
            password=password.get_secret_value() if password is not None else None)
        return url.render_as_string(hide_password=False)

    @property
    def asyncpg_dsn(self) -> str:
        """``sqlalchemy_url`` as a plain ``postgresql://`` DSN for raw asyncpg connections."""
        url = make_url(self.sqlalchemy_url).set(drivername="postgresql")
        return url.render_as_string(hide_password=False)

    @property
    def owner_asyncpg_dsn(self) -> str:
        url = make_url(self.owner_sqlalchemy_url).set(drivername="postgresql")
        return url.render_as_string(hide_password=False)

    @property
    def consumer_name(self) -> str:
        return self.consumer_group or self.service_name

    @property
    def topic(self) -> str:
        return f"backbone.{self.service_name}.v1"

    @property
    def dead_letter_topic(self) -> str:
        return f"backbone.{self.service_name}.dlq.v1"
