"""Consumers: exactly-once effects over at-least-once delivery, crashes and poison messages."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import asyncpg
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.errors import IllegalStateError
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from backbone.events import consumer as consumer_module
from backbone.events.consumer import EventConsumer, Subscription
from backbone.events.envelope import CloudEvent
from backbone.events.kafka import ensure_topics, make_consumer, make_producer
from backbone.events.registry import EventPayload, EventType
from backbone.settings import BaseServiceSettings
from backbone.testing import wait_until


class Thing(EventPayload):
    n: int
    poison: bool


class Crash(BaseException):
    """A process dying: nothing after it runs, nothing is committed."""


def make_event(upstream: EventType[Thing], initiative: uuid.UUID, n: int,
               poison: bool = False) -> CloudEvent:
    return CloudEvent(
        id=uuid.uuid4(), source="/backbone/upstream", type=upstream.type, subject=str(n),
        time=datetime.now(UTC), dataschema=upstream.dataschema, tenant="t1",
        initiative=str(initiative), traceparent=None, data={"n": n, "poison": poison},
    )


async def publish(settings: BaseServiceSettings, upstream: EventType[Thing],
                  events: list[CloudEvent]) -> None:
    producer: AIOKafkaProducer = make_producer(settings)
    await producer.start()
    try:
        for event in events:
            await producer.send_and_wait(upstream.topic, event.value(),
                                         key=event.initiative.encode(), headers=event.headers())
    finally:
        await producer.stop()


def subscribe(upstream: EventType[Thing], name: str) -> list[Subscription[Thing]]:
    async def handle(session: AsyncSession, event: CloudEvent, thing: Thing) -> None:
        if thing.poison:
            raise ValueError("cannot apply this one")
        await session.execute(text("INSERT INTO effects (event_id, consumer) VALUES (:e, :c)"),
                              {"e": event.id, "c": name})
    return [Subscription(upstream, handle)]


async def effects(raw_db: asyncpg.Connection, name: str) -> list[uuid.UUID]:
    rows = await raw_db.fetch("SELECT event_id FROM effects WHERE consumer = $1", name)
    return [r["event_id"] for r in rows]


async def committed_offset(settings: BaseServiceSettings, group: str, topic: str) -> int:
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap_servers,
                                group_id=group, enable_auto_commit=False)
    await consumer.start()
    try:
        partitions = consumer.partitions_for_topic(topic) or set()
        if not partitions:
            await consumer._client.force_metadata_update()
            partitions = consumer.partitions_for_topic(topic) or set()
        total = 0
        for p in partitions:
            total += await consumer.committed(TopicPartition(topic, p)) or 0
        return total
    finally:
        await consumer.stop()


@pytest.fixture
async def upstream(lib_settings: BaseServiceSettings) -> EventType[Thing]:
    """The event type of a pretend upstream service, on a one-partition topic."""
    topic = f"{lib_settings.topic}.upstream"
    await ensure_topics(lib_settings.kafka_bootstrap_servers, [topic], 1)
    return EventType("org.backbone.upstream.thing.happened", Thing, "Something.", topic)


async def run_until(consumer: EventConsumer, condition: Callable[[], Awaitable[bool]]) -> None:
    """Run the consumer until the condition holds, then stop it."""
    task = asyncio.create_task(consumer.run())
    try:
        await wait_until(condition, timeout_s=60)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


class CrashBeforeOffsetCommit(EventConsumer):
    """Applies a batch, commits the database, then dies before committing offsets."""

    async def _commit_offsets(self, consumer: AIOKafkaConsumer,
                              offsets: dict[TopicPartition, int]) -> None:
        raise Crash


async def test_a_crash_between_database_and_offset_commit_applies_each_event_once(
    lib_settings: BaseServiceSettings, sessionmaker: async_sessionmaker[AsyncSession],
    raw_db: asyncpg.Connection, upstream: EventType[Thing],
) -> None:
    events = [make_event(upstream, uuid.uuid4(), n) for n in range(20)]
    await publish(lib_settings, upstream, events)
    name = f"{lib_settings.service_name}-consumer"
    subscriptions = subscribe(upstream, name)

    crashing = CrashBeforeOffsetCommit(lib_settings, sessionmaker, subscriptions, name)
    with contextlib.suppress(Crash):
        await crashing.run()
    applied_before_crash = await effects(raw_db, name)
    assert applied_before_crash  # the database commit happened
    # ... and the offset commit did not.
    assert await committed_offset(lib_settings, name, upstream.topic) == 0

    async def all_committed() -> bool:
        return await committed_offset(lib_settings, name, upstream.topic) == len(events)

    healthy = EventConsumer(lib_settings, sessionmaker, subscriptions, name)
    await run_until(healthy, all_committed)
    applied = await effects(raw_db, name)
    assert sorted(applied) == sorted(e.id for e in events)  # each exactly once
    inbox = await raw_db.fetchval("SELECT count(*) FROM inbox WHERE consumer = $1", name)
    assert inbox == len(events)


async def test_poison_and_invalid_messages_are_dead_lettered_and_the_others_keep_flowing(
    lib_settings: BaseServiceSettings, sessionmaker: async_sessionmaker[AsyncSession],
    raw_db: asyncpg.Connection, upstream: EventType[Thing],
) -> None:
    initiative = uuid.uuid4()
    events = [make_event(upstream, initiative, n, poison=(n == 3)) for n in range(8)]
    # One payload that fails the type's schema, among the others of the same key.
    events[5] = replace(events[5], data={"n": "five", "poison": False})
    await publish(lib_settings, upstream, events)
    # Not a CloudEvent at all: dead-lettered without retries.
    producer = make_producer(lib_settings)
    await producer.start()
    await producer.send_and_wait(upstream.topic, b"garbage", key=b"k")
    await producer.stop()
    name = f"{lib_settings.service_name}-consumer"
    consumer = EventConsumer(lib_settings, sessionmaker, subscribe(upstream, name), name)

    async def all_handled() -> bool:  # applied or dead-lettered, then committed
        return await committed_offset(lib_settings, name, upstream.topic) == len(events) + 1

    await run_until(consumer, all_handled)
    assert sorted(await effects(raw_db, name)) == sorted(
        e.id for i, e in enumerate(events) if i not in (3, 5))
    raw = AIOKafkaConsumer(lib_settings.dead_letter_topic,
                           bootstrap_servers=lib_settings.kafka_bootstrap_servers,
                           auto_offset_reset="earliest")
    await raw.start()
    try:
        records: list[ConsumerRecord] = []
        while len(records) < 3:
            for batch in (await raw.getmany(timeout_ms=1000)).values():
                records.extend(batch)
    finally:
        await raw.stop()
    by_id = {dict(r.headers).get("ce_id", b"garbage"): dict(r.headers) for r in records}
    poison = by_id[str(events[3].id).encode()]
    assert b"cannot apply this one" in poison["dlq_error"]
    assert poison["dlq_attempts"] == b"2"
    invalid = by_id[str(events[5].id).encode()]
    assert invalid["dlq_error"].startswith(b"invalid payload: 1 validation error for Thing")
    assert b"n\n  Input should be a valid integer" in invalid["dlq_error"]
    assert invalid["dlq_attempts"] == b"0"  # retrying cannot fix it
    garbage = next(r for r in records if r.key == b"k")
    assert garbage.value == b"garbage"
    assert b"unparseable" in dict(garbage.headers)["dlq_error"]


async def test_redelivered_events_are_applied_once(
    lib_settings: BaseServiceSettings, sessionmaker: async_sessionmaker[AsyncSession],
    raw_db: asyncpg.Connection, upstream: EventType[Thing],
) -> None:
    event = make_event(upstream, uuid.uuid4(), 1)
    await publish(lib_settings, upstream, [event, event, event])  # the relay re-sent it
    name = f"{lib_settings.service_name}-consumer"
    consumer = EventConsumer(lib_settings, sessionmaker, subscribe(upstream, name), name)

    async def all_seen() -> bool:
        return await committed_offset(lib_settings, name, upstream.topic) == 3

    await run_until(consumer, all_seen)
    assert await effects(raw_db, name) == [event.id]


class RevokedOnFirstCommit(EventConsumer):
    """Finds its first batch's partition reassigned when committing (a rebalance while it
    applied the batch), as when another replica joins the group."""

    revoked = False

    async def _commit_offsets(self, consumer: AIOKafkaConsumer,
                              offsets: dict[TopicPartition, int]) -> None:
        if not self.revoked:
            self.revoked = True
            raise IllegalStateError("Partition is not assigned")
        await super()._commit_offsets(consumer, offsets)


async def test_a_rebalance_mid_batch_keeps_the_consumer_and_applies_each_event_once(
    lib_settings: BaseServiceSettings, sessionmaker: async_sessionmaker[AsyncSession],
    raw_db: asyncpg.Connection, upstream: EventType[Thing], monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[AIOKafkaConsumer] = []

    def counting(*args: Any) -> AIOKafkaConsumer:
        started.append(make_consumer(*args))
        return started[-1]

    monkeypatch.setattr(consumer_module, "make_consumer", counting)
    initiative = uuid.uuid4()
    first = [make_event(upstream, initiative, n) for n in range(5)]
    await publish(lib_settings, upstream, first)
    name = f"{lib_settings.service_name}-consumer"
    consumer = RevokedOnFirstCommit(lib_settings, sessionmaker, subscribe(upstream, name), name)
    later = [make_event(upstream, initiative, n) for n in range(5, 8)]

    async def first_applied() -> bool:
        return len(await effects(raw_db, name)) == len(first)

    async def all_committed() -> bool:
        return await committed_offset(lib_settings, name, upstream.topic) == 8

    task = asyncio.create_task(consumer.run())
    try:
        await wait_until(first_applied, timeout_s=60)
        await publish(lib_settings, upstream, later)
        await wait_until(all_committed, timeout_s=60)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    assert consumer.revoked
    assert len(started) == 1  # the same member went on: no restart, no second rebalance
    assert sorted(await effects(raw_db, name)) == sorted(e.id for e in first + later)
