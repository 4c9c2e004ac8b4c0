"""Consumers of other services' events: at-least-once delivery made exactly-once in effect.

A consumer is given subscriptions: an event type from the publisher's registry (which names
its topic and payload model) and a handler. For every message: parse the CloudEvent and its
payload with that model, then claim its id in the inbox and run the type's handlers in
order, in one transaction for the whole batch a partition delivered (one by one if the
batch fails). A payload that fails its model goes to the dead-letter topic at
once, with the validation error (retrying cannot fix it). Offsets are committed only after
that transaction commits. A handler that keeps failing is retried with backoff a bounded
number of times, then the message goes to the dead-letter topic with its error, so it never
blocks the partition.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic

import structlog
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.errors import CommitFailedError, IllegalStateError
from opentelemetry import trace
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from backbone import metrics
from backbone.db import SessionFactory, in_tenant
from backbone.events.envelope import CloudEvent
from backbone.events.inbox import claim
from backbone.events.kafka import make_consumer, make_producer
from backbone.events.registry import EventType, P, topic_of, type_prefix
from backbone.settings import BaseServiceSettings
from backbone.telemetry import context_from_traceparent, tracer

log = structlog.get_logger(__name__)

Handler = Callable[[AsyncSession, CloudEvent, P], Awaitable[None]]
RawHandler = Callable[[AsyncSession, CloudEvent], Awaitable[None]]
Step = Callable[[AsyncSession], Awaitable[None]]


@dataclass(frozen=True)
class Subscription(Generic[P]):
    """Run ``handler`` with the parsed payload of every event of ``event_type``."""

    event_type: EventType[P]
    handler: Handler[P]


@dataclass(frozen=True)
class AllEventsOf:
    """Run ``handler`` with every event ``service`` publishes, as it is (no payload model):
    for a service that passes events on, such as webhook deliveries."""

    service: str
    handler: RawHandler

    @property
    def topic(self) -> str:
        return topic_of(self.service)

    def covers(self, type_: str) -> bool:
        return type_.startswith(type_prefix(self.service))


class ConsumedTypes:
    """The event types a service's consumers apply (``type in consumed``), for the
    consistency waits of any of its replicas."""

    def __init__(self, consumers: Sequence[EventConsumer]) -> None:
        self._consumers = consumers

    def __contains__(self, type_: object) -> bool:
        return isinstance(type_, str) and any(c.consumes(type_) for c in self._consumers)


def _typed_step(handler: Handler[Any], event: CloudEvent, payload: Any) -> Step:
    return lambda session: handler(session, event, payload)


def _raw_step(handler: RawHandler, event: CloudEvent) -> Step:
    return lambda session: handler(session, event)


class EventConsumer:
    def __init__(
        self,
        settings: BaseServiceSettings,
        sessionmaker: SessionFactory,
        subscriptions: Sequence[Subscription[Any] | AllEventsOf],
        name: str | None = None,
    ) -> None:
        self.settings = settings
        self.sessionmaker = sessionmaker
        self.handlers: dict[str, list[Subscription[Any]]] = {}
        self.passed_on = [s for s in subscriptions if isinstance(s, AllEventsOf)]
        for subscription in subscriptions:
            if isinstance(subscription, Subscription):
                self.handlers.setdefault(subscription.event_type.type, []).append(subscription)
        self.topics = sorted({s.event_type.topic for s in subscriptions
                              if isinstance(s, Subscription)} | {s.topic for s in self.passed_on})
        self.name = name or settings.consumer_name

    def consumes(self, type_: str) -> bool:
        return type_ in self.handlers or any(s.covers(type_) for s in self.passed_on)

    def _steps(self, event: CloudEvent) -> list[Step]:
        """What applying ``event`` runs, in order (raises ``ValidationError`` for a payload
        that fails its type's model)."""
        steps: list[Step] = []
        typed = self.handlers.get(event.type, [])
        if typed:
            payload = typed[0].event_type.parse(event.data)
            steps += [_typed_step(s.handler, event, payload) for s in typed]
        steps += [_raw_step(s.handler, event) for s in self.passed_on if s.covers(event.type)]
        return steps

    async def run(self) -> None:
        """Consume until cancelled, reconnecting after broker failures."""
        while True:
            consumer = make_consumer(self.settings, self.name, self.topics)
            dead_letters = make_producer(self.settings)
            try:
                await consumer.start()
                await dead_letters.start()
                await self._consume(consumer, dead_letters)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("consumer interrupted", consumer=self.name, error=repr(exc))
                await asyncio.sleep(1.0)
            finally:
                # Both stop even when cancelled meanwhile (as the app shuts down): an
                # unstopped producer keeps its connections open.
                await asyncio.shield(asyncio.gather(consumer.stop(), dead_letters.stop(),
                                                    return_exceptions=True))

    async def _consume(self, consumer: AIOKafkaConsumer, dead_letters: AIOKafkaProducer) -> None:
        while True:
            batches = await consumer.getmany(timeout_ms=500, max_records=500)
            # Partitions are independent (order matters within one only): applied at once,
            # each in its own transaction, so one partition's batch never waits for another's.
            applied = await asyncio.gather(*(self.process(records, dead_letters)
                                             for records in batches.values()),
                                           return_exceptions=True)
            failed = [outcome for outcome in applied if isinstance(outcome, BaseException)]
            if failed:  # after every partition's transaction ended; nothing is committed
                raise failed[0]
            positions = {tp: records[-1].offset + 1 for tp, records in batches.items()}
            # One commit for every partition this fetch returned (a round trip each to the
            # broker's coordinator was most of the consumer's time at 100 events/s).
            assigned = consumer.assignment()
            owned = {tp: p for tp, p in positions.items() if tp in assigned}
            if not owned:
                continue
            try:
                await self._commit_offsets(consumer, owned)
            except (IllegalStateError, CommitFailedError) as exc:
                # The group rebalanced while the batch was applied (another replica
                # joined or left) and a partition went elsewhere: its new owner reads
                # these messages again and the inbox skips them. This member keeps its
                # membership; no restart, so no second rebalance.
                log.info("offsets not committed: partitions reassigned", consumer=self.name,
                         partitions=[str(tp) for tp in owned], error=repr(exc))
                continue
            for tp, position in owned.items():
                self._record_lag(consumer, tp, position)

    async def _commit_offsets(
        self, consumer: AIOKafkaConsumer, offsets: dict[TopicPartition, int]
    ) -> None:
        await consumer.commit(offsets)

    def _record_lag(self, consumer: AIOKafkaConsumer, tp: TopicPartition, position: int) -> None:
        highwater = consumer.highwater(tp)
        if highwater is not None:
            metrics.CONSUMER_LAG.labels(self.name, tp.topic, tp.partition).set(highwater - position)

    async def process(self, records: list[ConsumerRecord], dead_letters: AIOKafkaProducer
                      ) -> None:
        """Apply a partition's batch of messages, in order, in one transaction; if that
        fails, one by one, each with its retries (so one bad message never holds back or
        undoes the others). Every outcome is counted in the metrics."""
        ready: list[tuple[ConsumerRecord, CloudEvent, list[Step]]] = []
        for record in records:
            try:
                event = CloudEvent.from_kafka(record.headers, record.value)
            except (ValueError, KeyError) as exc:
                await self._dead_letter(record, dead_letters, f"unparseable: {exc}", 0)
                continue
            try:
                steps = self._steps(event)
            except ValidationError as exc:
                await self._dead_letter(record, dead_letters, f"invalid payload: {exc}", 0)
                continue
            if not steps:
                self._count("ignored")
                continue
            ready.append((record, event, steps))
        if not ready:
            return
        try:
            async with self.sessionmaker() as session, session.begin():
                outcomes = [await self._apply_in(session, event, steps)
                            for _, event, steps in ready]
        except Exception as exc:
            log.info("batch not applied at once; applying its messages one by one",
                     consumer=self.name, size=len(ready), error=repr(exc))
            for record, event, steps in ready:
                await self._apply_with_retries(record, event, steps, dead_letters)
            return
        for outcome in outcomes:
            self._count(outcome)

    async def _apply_with_retries(self, record: ConsumerRecord, event: CloudEvent,
                                  steps: list[Step], dead_letters: AIOKafkaProducer) -> None:
        error: Exception | None = None
        for attempt in range(1, self.settings.consumer_max_attempts + 1):
            try:
                async with self.sessionmaker() as session, session.begin():
                    outcome = await self._apply_in(session, event, steps)
                self._count(outcome)
                return
            except Exception as exc:
                error = exc
                log.warning(
                    "event handler failed", consumer=self.name, event_id=str(event.id),
                    type=event.type, attempt=attempt, error=repr(exc),
                )
                await asyncio.sleep(self.settings.consumer_retry_backoff_s * 2 ** (attempt - 1))
        await self._dead_letter(record, dead_letters, repr(error),
                                self.settings.consumer_max_attempts)

    async def apply(self, event: CloudEvent) -> str:
        """Apply one event at once, without retries (raises what parsing or a handler
        raises): for events that do not come from the broker, as in tests."""
        steps = self._steps(event)
        if not steps:
            return "ignored"
        async with self.sessionmaker() as session, session.begin():
            return await self._apply_in(session, event, steps)

    async def _apply_in(self, session: AsyncSession, event: CloudEvent, steps: list[Step]
                        ) -> str:
        """Claim the event in the inbox and run its steps, in the caller's transaction."""
        with tracer.start_as_current_span(
            f"consume {event.type}",
            context=context_from_traceparent(event.traceparent),
            kind=trace.SpanKind.CONSUMER,
            attributes={"messaging.message.id": str(event.id), "backbone.consumer": self.name},
        ):
            await in_tenant(session, event.tenant)
            if not await claim(session, self.name, event.id, event.type):
                return "duplicate"
            for step in steps:
                await step(session)
            return "applied"

    async def _dead_letter(
        self, record: ConsumerRecord, producer: AIOKafkaProducer, error: str, attempts: int
    ) -> None:
        headers = [
            *record.headers,
            ("dlq_error", error[:2000].encode()),
            ("dlq_consumer", self.name.encode()),
            ("dlq_attempts", str(attempts).encode()),
            ("dlq_origin", f"{record.topic}/{record.partition}/{record.offset}".encode()),
        ]
        await producer.send_and_wait(
            self.settings.dead_letter_topic, value=record.value, key=record.key, headers=headers
        )
        log.error("event dead-lettered", consumer=self.name, origin=record.topic, error=error)
        self._count("dead_lettered")

    def _count(self, outcome: str) -> None:
        metrics.CONSUMER_EVENTS.labels(self.name, outcome).inc()
