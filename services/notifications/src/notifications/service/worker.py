"""The delivery worker: claims due deliveries, sends them signed, records the outcome.

A claim is a lease (``leased_until``) taken with ``FOR UPDATE SKIP LOCKED``, so replicas
never claim the same delivery, and a worker that dies mid-delivery loses nothing: the lease
runs out and the delivery is sent again, with the same ``webhook-id``. At most
``webhook_endpoint_concurrency`` deliveries per endpoint are in flight, so a slow or dead
endpoint holds that many slots and never delays the others; each outcome is recorded in
its own transaction with the events it causes.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import httpx
import structlog
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.db import SessionFactory, autocommitted, utcnow
from backbone.events.registry import DomainEvent
from backbone.pgnotify import listening, notify
from notifications.config import Settings
from notifications.domain import retries, signing
from notifications.events import (
    DELIVERY_EXHAUSTED,
    ENDPOINT_DISABLED,
    DeliveryExhausted,
    EndpointDisabled,
    outbox,
)
from notifications.models import Delivery, WebhookEndpoint
from notifications.schemas import DeliveryStatus
from notifications.service.targets import RefusedTargetError, resolve

log = structlog.get_logger(__name__)

CLAIM = text("""
    UPDATE deliveries AS d SET leased_until = now() + make_interval(secs => :lease),
                               claimed_at = now()
    FROM webhook_endpoints AS e
    WHERE e.id = d.endpoint_id AND d.id = ANY(ARRAY(
        SELECT due.id FROM webhook_endpoints e
        LEFT JOIN unnest(CAST(:endpoints AS uuid[]), CAST(:running AS int[]))
            AS f(endpoint_id, running) ON f.endpoint_id = e.id
        CROSS JOIN LATERAL (
            SELECT d.id, d.next_attempt_at FROM deliveries d
            WHERE d.endpoint_id = e.id AND d.status = 'pending'
              AND d.next_attempt_at <= now()
              AND (d.leased_until IS NULL OR d.leased_until < now())
            ORDER BY d.next_attempt_at
            LIMIT greatest(least(:per_endpoint - coalesce(f.running, 0), CASE
                WHEN e.rate_limit IS NULL THEN :per_endpoint
                ELSE e.rate_limit - (SELECT count(*) FROM (
                    SELECT FROM deliveries r
                    WHERE r.endpoint_id = e.id AND r.claimed_at > now() - interval '1 second'
                    ORDER BY r.claimed_at DESC LIMIT e.rate_limit) AS recent)
                END), 0)
            FOR UPDATE SKIP LOCKED) AS due
        WHERE e.enabled
        ORDER BY due.next_attempt_at LIMIT :limit))
    RETURNING d.id, d.endpoint_id, d.event_id, d.body, e.url, e.secret,
              CASE WHEN e.previous_secret_expires_at > now() THEN e.previous_secret END
                  AS previous_secret""")
"""Leases due deliveries, oldest first, as many per endpoint as it has free slots in this
worker and its rate limit leaves this second (a concurrent claim skips the rows this one
locks); returns what sending them needs.

Shaped so that the plan PostgreSQL caches while the tables are still empty stays index
lookups as they grow (``tests/test_claim_plans.py``): rows are locked as the due index
finds them, the leased ones are updated by their ids in an array computed once, and the
claims of the last second are counted in the order of their own index. With ``d.id IN
(SELECT ... FOR UPDATE SKIP LOCKED)`` the cached plan read every delivery (pending,
delivered, dead versions) on each claim: at 100 events/s the claims took 30 ms each and
deliveries fell seconds behind."""
DELIVERED = text("""
    WITH done AS (
        UPDATE deliveries SET status = 'delivered', attempts = attempts + 1,
            leased_until = NULL, updated_at = now(), last_status_code = :status_code,
            last_error = NULL, last_latency_ms = :latency_ms, last_response = :response
        WHERE id = :id RETURNING endpoint_id)
    UPDATE webhook_endpoints SET failing_since = NULL
    FROM done WHERE webhook_endpoints.id = done.endpoint_id
      AND webhook_endpoints.failing_since IS NOT NULL""")
"""Records a success in one statement (the endpoint is touched only when it was failing,
so the hot path takes no lock on it)."""
RESPONSE_KEPT = 2000
WAKE_CHANNEL = "backbone_deliveries"


async def wake_workers(session: AsyncSession) -> None:
    """Tell every replica's worker, when this transaction commits, that deliveries are due
    (without it they find them at their next poll)."""
    await notify(session, WAKE_CHANNEL)


@dataclass(frozen=True)
class Claimed:
    """A leased delivery, with what sending it needs."""

    id: uuid.UUID
    endpoint_id: uuid.UUID
    event_id: uuid.UUID
    body: str
    url: str
    secret: str
    previous_secret: str | None  # while a rotated-out secret still signs


@dataclass(frozen=True)
class Outcome:
    status_code: int | None
    error: str | None
    latency_ms: float
    response: str | None
    retry_after: float | None = None

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


class DeliveryWorker:
    name = "webhook-deliveries"
    serves_requests = False

    def __init__(self, settings: Settings, sessionmaker: SessionFactory) -> None:
        self.settings = settings
        self.sessionmaker = sessionmaker
        self._in_flight: dict[uuid.UUID, set[asyncio.Task[None]]] = {}  # by endpoint
        self._done = asyncio.Event()

    async def run(self) -> None:
        async with listening(self.settings, WAKE_CHANNEL, lambda _: self._done.set()), \
                httpx.AsyncClient(follow_redirects=False, trust_env=False) as client:
            try:
                while True:
                    await self._round(client)
            finally:
                tasks = [t for running in self._in_flight.values() for t in running]
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)

    async def _round(self, client: httpx.AsyncClient) -> None:
        room = self.settings.webhook_concurrency - sum(map(len, self._in_flight.values()))
        claimed = await self._claim(room) if room > 0 else []
        for delivery in claimed:
            task = asyncio.create_task(self._deliver(client, delivery))
            self._in_flight.setdefault(delivery.endpoint_id, set()).add(task)
            task.add_done_callback(self._on_finished(delivery.endpoint_id))
        if not claimed:  # until a delivery finishes, new ones are due, or the poll
            self._done.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._done.wait(), self.settings.webhook_poll_interval_s)

    def _on_finished(self, endpoint_id: uuid.UUID) -> Callable[[asyncio.Task[None]], None]:
        def finished(task: asyncio.Task[None]) -> None:
            running = self._in_flight.get(endpoint_id, set())
            was_full = len(running) >= self.settings.webhook_endpoint_concurrency or sum(
                map(len, self._in_flight.values())) >= self.settings.webhook_concurrency
            running.discard(task)
            if not running:
                self._in_flight.pop(endpoint_id, None)
            if was_full:  # a slot it had to leave due deliveries for is free again
                self._done.set()

        return finished

    async def _claim(self, limit: int) -> list[Claimed]:
        running = {e: len(tasks) for e, tasks in self._in_flight.items()}
        async with self.sessionmaker() as session:
            rows = (await (await autocommitted(session)).execute(CLAIM, {
                "lease": self.settings.webhook_lease_s, "limit": limit,
                "per_endpoint": self.settings.webhook_endpoint_concurrency,
                "endpoints": list(running), "running": list(running.values())})).all()
        return [Claimed(**row._mapping) for row in rows]

    async def _deliver(self, client: httpx.AsyncClient, delivery: Claimed) -> None:
        try:
            outcome = await self._send(client, delivery)
            if outcome.delivered:
                async with self.sessionmaker() as session:
                    await (await autocommitted(session)).execute(DELIVERED, {
                        "id": delivery.id, "status_code": outcome.status_code,
                        "latency_ms": round(outcome.latency_ms, 1),
                        "response": outcome.response})
            else:
                async with self.sessionmaker() as session, session.begin():
                    await self._record_failure(session, delivery.id, outcome)
        except Exception as exc:  # the lease runs out and the delivery is tried again
            log.error("delivery failed unexpectedly", delivery=str(delivery.id),
                      error=repr(exc))

    async def _send(self, client: httpx.AsyncClient, delivery: Claimed) -> Outcome:
        started = time.perf_counter()
        try:
            target = await resolve(delivery.url, self.settings)
        except RefusedTargetError as exc:
            return Outcome(None, f"refused: {exc}", 0.0, None)
        secrets = [delivery.secret, *filter(None, [delivery.previous_secret])]
        headers = {**signing.headers(secrets, str(delivery.event_id), utcnow(), delivery.body),
                   "host": target.host_header, "user-agent": "Backbone-Webhooks/1"}
        try:
            response = await client.post(
                target.url, content=delivery.body.encode(), headers=headers,
                timeout=self.settings.webhook_timeout_s,
                extensions={"sni_hostname": target.server_name})
        except httpx.HTTPError as exc:
            return Outcome(None, f"{type(exc).__name__}: {exc}"[:500],
                           (time.perf_counter() - started) * 1000, None)
        wait = (retries.retry_after(response.headers.get("retry-after"))
                if response.status_code in retries.HONOUR_RETRY_AFTER else None)
        return Outcome(response.status_code, None, (time.perf_counter() - started) * 1000,
                       response.text[:RESPONSE_KEPT], wait)

    async def _record_failure(self, session: AsyncSession, delivery_id: uuid.UUID,
                              outcome: Outcome) -> None:
        delivery = (await session.execute(select(Delivery).where(Delivery.id == delivery_id)
                                          .with_for_update())).scalar_one_or_none()
        if delivery is None:
            return
        now = utcnow()
        delivery.attempts += 1
        delivery.leased_until = None
        delivery.updated_at = now
        delivery.last_status_code = outcome.status_code
        delivery.last_error = outcome.error
        delivery.last_latency_ms = round(outcome.latency_ms, 1)
        delivery.last_response = outcome.response
        endpoint = (await session.execute(select(WebhookEndpoint).where(
            WebhookEndpoint.id == delivery.endpoint_id).with_for_update())).scalar_one()
        if endpoint.failing_since is None:
            endpoint.failing_since = now
        if outcome.status_code == 410:
            self._disable(session, endpoint, "the endpoint answered 410 Gone")
        elif now - endpoint.failing_since > timedelta(
                seconds=self.settings.webhook_disable_after_s):
            self._disable(session, endpoint, "the endpoint failed continuously since "
                                             f"{endpoint.failing_since.isoformat()}")
        wait = retries.next_wait(self.settings.webhook_retry_schedule_s, delivery.attempts,
                                 self.settings.webhook_retry_jitter)
        if wait is None:
            delivery.status = DeliveryStatus.FAILED
            outbox.add(session, DomainEvent(
                event_type=DELIVERY_EXHAUSTED, tenant=delivery.tenant, subject=delivery.id,
                initiative=endpoint.initiative_id, data=DeliveryExhausted(
                    id=delivery.id, endpoint_id=endpoint.id,
                    initiative_id=endpoint.initiative_id, event_id=delivery.event_id,
                    event_type=delivery.event_type, attempts=delivery.attempts,
                    last_status_code=outcome.status_code, last_error=outcome.error)))
        else:  # a Retry-After the receiver asked for replaces the schedule's wait
            wait = outcome.retry_after if outcome.retry_after is not None else wait
            delivery.next_attempt_at = now + timedelta(seconds=wait)

    @staticmethod
    def _disable(session: AsyncSession, endpoint: WebhookEndpoint, reason: str) -> None:
        if not endpoint.enabled:
            return
        endpoint.enabled = False
        endpoint.disabled_reason = reason
        endpoint.touch()
        outbox.add(session, DomainEvent(
            event_type=ENDPOINT_DISABLED, tenant=endpoint.tenant, subject=endpoint.id,
            initiative=endpoint.initiative_id,
            data=EndpointDisabled(id=endpoint.id, initiative_id=endpoint.initiative_id,
                                  reason=reason)))
        log.warning("webhook endpoint disabled", endpoint=str(endpoint.id), reason=reason)
