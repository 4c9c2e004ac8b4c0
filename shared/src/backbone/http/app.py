"""The application factory every service uses: one set of conventions for all four."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any, Protocol

import structlog
from fastapi import APIRouter, FastAPI
from fastapi.telemetry import TelemetryConfig
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
from pydantic import BaseModel

from backbone.auth.tokens import TokenValidator
from backbone.background import BackgroundLoop
from backbone.db import (
    ALL_TENANTS,
    FairSessions,
    SessionFactory,
    create_engine,
    create_read_sessionmaker,
    create_sessionmaker,
)
from backbone.events.consumer import ConsumedTypes, EventConsumer
from backbone.events.registry import EventRegistry
from backbone.events.relay import OutboxRelay
from backbone.http.bodies import add_body_schemas
from backbone.http.catalogue import catalogue_router
from backbone.http.cors import allow_cross_origin
from backbone.http.health import router as health_router
from backbone.http.middleware import Edge
from backbone.http.operation_links import add_links
from backbone.http.policy import describe_access
from backbone.http.problems import (
    PROBLEM_RESPONSES,
    document_problem_media_type,
    install_problem_handlers,
)
from backbone.http.query import CALLERLESS_ROUTE
from backbone.http.ratelimit import RateLimiter
from backbone.migrations import upgrade
from backbone.rows import Rows
from backbone.service import ServiceSpec
from backbone.settings import BaseServiceSettings
from backbone.telemetry import records_spans, setup_logging, setup_tracing

log = structlog.get_logger(__name__)

_UNTRACED_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})


def telemetry(recording: bool) -> TelemetryConfig:
    """FastAPI's own OpenTelemetry support: one server span per request, named by its
    route, where spans are recorded. Where none would be (no exporter, no sampler asked
    for), FastAPI's wrapper stays off and the edge layer gives each request its trace
    context without a span. Request metrics are Prometheus's (``backbone.metrics``) and
    errors are logged by the problem handlers, so FastAPI's metrics, log records and
    per-dependency spans stay off."""
    return {
        "tracing": recording,
        "metrics": False,
        "logs": False,
        "operation_spans": False,
        "exclude": lambda scope: scope.get("path") in _UNTRACED_PATHS,
    }

ConsumerFactory = Callable[[SessionFactory], Sequence[EventConsumer]]


class Worker(Protocol):
    """Long-running work of a service beside its consumers (e.g. webhook deliveries).

    Workers run where ``run_workers`` is set, except those that serve this process's own
    requests (``serves_requests``, e.g. the listener that wakes live streams), which run
    wherever the API does."""

    name: str
    serves_requests: bool

    async def run(self) -> None: ...


WorkerFactory = Callable[[SessionFactory], Sequence[Worker]]
WORKER_RESTART_S = 1.0


async def supervised(worker: Worker, pause_s: float = WORKER_RESTART_S) -> None:
    """Runs the worker, and again after it fails (say, the database went away for a while):
    its work is in the database, so a new run picks up where the last one stopped."""
    while True:
        try:
            await worker.run()
            return
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("worker interrupted; restarting", worker=worker.name, error=repr(exc))
            await asyncio.sleep(pause_s)


def _settle_heap() -> None:
    """Move everything alive after start-up (modules, models, schemas, routes) out of the
    garbage collector's sight, and collect the young generation less often.

    Full collections otherwise walked that whole heap again and again under load: with
    this, GET throughput rose by a fifth and its p99 at 64 connections fell from 160 ms
    to 65 ms.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)


def create_service_app(
    settings: BaseServiceSettings,
    *,
    title: str,
    description: str,
    routers: Sequence[APIRouter],
    registry: EventRegistry,
    spec: ServiceSpec,
    openapi_tags: list[dict[str, Any]] | None = None,
    consumers: ConsumerFactory | None = None,
    workers: WorkerFactory | None = None,
    bulk_suffixes: tuple[str, ...] = (),
    body_models: Sequence[type[BaseModel]] = (),
) -> FastAPI:
    settings.check_auth()
    setup_logging(settings.service_name, settings.log_level, settings.log_json)
    setup_tracing(settings.service_name)
    recording = records_spans()
    limiter = RateLimiter(settings, TokenValidator(settings), bulk_suffixes)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.migrate_on_start:
            await asyncio.to_thread(upgrade, settings, spec)
        engine = create_engine(settings)
        if recording:  # a span per statement costs a write a few percent of its CPU
            SQLAlchemyInstrumentor().instrument(engine=engine.sync_engine)
        app.state.engine = engine
        connections = asyncio.Semaphore(settings.database_pool_size
                                        + settings.database_max_overflow)
        app.state.sessionmaker = FairSessions(create_sessionmaker(engine), connections)
        app.state.read_sessionmaker = FairSessions(create_read_sessionmaker(engine), connections)
        app.state.rows = await Rows.open(settings)
        await limiter.open()
        tasks: list[asyncio.Task[None]] = []
        relay_loop = BackgroundLoop("outbox-relay")
        if settings.run_relay:
            app.state.relay = OutboxRelay(settings)
            relay_loop.start()
            relay_loop.run(app.state.relay.run())
        # What this service consumes, whether or not this process runs the consumers:
        # another replica may apply the events a consistency token names.
        own_consumers = consumers(app.state.sessionmaker) if consumers is not None else []
        app.state.consumed_types = ConsumedTypes(own_consumers)
        if settings.run_consumers:
            for consumer in own_consumers:
                tasks.append(asyncio.create_task(consumer.run(), name=f"consumer-{consumer.name}"))
        # Workers work across tenants (deliveries, emails, digests, overdue commitments).
        across = app.state.sessionmaker.for_tenant(ALL_TENANTS)
        for worker in workers(across) if workers is not None else []:
            if settings.run_workers or worker.serves_requests:
                tasks.append(asyncio.create_task(supervised(worker), name=worker.name))
        _settle_heap()
        log.info("service started", relay=settings.run_relay,
                 tasks=[t.get_name() for t in tasks])
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            if settings.run_relay:
                await relay_loop.stop()
            await app.state.rows.close()
            await limiter.close()
            await engine.dispose()

    app = FastAPI(
        title=title,
        description=description,
        version="1.0.0",
        lifespan=lifespan,
        openapi_tags=[*(openapi_tags or []), {"name": "operations", "description":
                      "Health, readiness, metrics and the event catalogue."}],
        responses={k: v for k, v in PROBLEM_RESPONSES.items() if k in (401, 422, 429)},
        telemetry=telemetry(recording),
    )
    app.state.settings = settings
    app.state.token_validator = limiter.validator
    install_problem_handlers(app)
    app.add_middleware(Edge, limiter=limiter, max_body_bytes=settings.max_body_bytes,
                       max_bulk_bytes=settings.max_bulk_body_bytes, bulk_suffixes=bulk_suffixes,
                       trace_requests=not recording)
    allow_cross_origin(app, settings.cors_allowed_origins)
    # Every other route checks its query in its caller's dependency (``BearerPrincipal``).
    app.include_router(health_router, dependencies=CALLERLESS_ROUTE)
    app.include_router(catalogue_router(registry), dependencies=CALLERLESS_ROUTE)
    for router in routers:
        app.include_router(router)
    _complete_the_document(app, body_models)
    return app


def _complete_the_document(app: FastAPI, body_models: Sequence[type[BaseModel]]) -> None:
    """The app's OpenAPI document, with what FastAPI cannot say by itself: the schemas of
    bodies parsed by ``parse_json``, the media type of problems, who may call a route and
    the links from what a route creates to the routes that use it."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = generate()
            add_body_schemas(document, body_models)
            document_problem_media_type(document)
            describe_access(document)
            add_links(document)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
