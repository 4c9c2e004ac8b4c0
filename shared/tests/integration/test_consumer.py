"""Consumers: exactly-once effects over at-least-once delivery, crashes and poison messages."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import asyncpg
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from backbone.events.consumer import EventConsumer, Handler
from backbone.events.envelope import CloudEvent
from backbone.events.kafka import ensure_topics, make_producer
from backbone.settings import BaseServiceSettings
from backbone.testing import wait_until

EVENT_TYPE = "org.backbone.upstream.thing.happened"


class Crash(BaseException):
    """A process dying: nothing after it runs, nothing is committed."""


def make_event(initiative: uuid.UUID, n: int, poison: bool = False) -> CloudEvent:
    return CloudEvent(
        id=uuid.uuid4(), source="/backbone/upstream", type=EVENT_TYPE, subject=str(n),
        time=datetime.now(UTC), dataschema="urn:test", tenant="t1", initiative=str(initiative),
        traceparent=None, data={"n": n, "poison": poison},
    )


async def publish(settings: BaseServiceSettings, topic: str, events: list[CloudEvent]) -> None:
    producer: AIOKafkaProducer = make_producer(settings)
    await producer.start()
    try:
        for event in events:
            await producer.send_and_wait(topic, event.value(), key=event.initiative.encode(),
                                         headers=event.headers())
    finally:
        await producer.stop()


def handler_for(name: str) -> Handler:
    async def handle(session: AsyncSession, event: CloudEvent) -> None:
        if event.data["poison"]:
            raise ValueError("cannot apply this one")
        await session.execute(text("INSERT INTO effects (event_id, consumer) VALUES (:e, :c)"),
                              {"e": event.id, "c": name})
    return handle


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
async def upstream(lib_settings: BaseServiceSettings) -> str:
    """A one-partition topic of a pretend upstream service."""
    topic = f"{lib_settings.topic}.upstream"
    await ensure_topics(lib_settings.kafka_bootstrap_servers, [topic], 1)
    return topic


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
    raw_db: asyncpg.Connection, upstream: str,
) -> None:
    events = [make_event(uuid.uuid4(), n) for n in range(20)]
    await publish(lib_settings, upstream, events)
    name = f"{lib_settings.service_name}-consumer"
    handlers = {EVENT_TYPE: handler_for(name)}

    crashing = CrashBeforeOffsetCommit(lib_settings, sessionmaker, [upstream], handlers, name)
    with contextlib.suppress(Crash):
        await crashing.run()
    applied_before_crash = await effects(raw_db, name)
    assert applied_before_crash  # the database commit happened
    assert await committed_offset(lib_settings, name, upstream) == 0  # the offset commit did not

    async def all_committed() -> bool:
        return await committed_offset(lib_settings, name, upstream) == len(events)

    healthy = EventConsumer(lib_settings, sessionmaker, [upstream], handlers, name)
    await run_until(healthy, all_committed)
    applied = await effects(raw_db, name)
    assert sorted(applied) == sorted(e.id for e in events)  # each exactly once
    inbox = await raw_db.fetchval("SELECT count(*) FROM inbox WHERE consumer = $1", name)
    assert inbox == len(events)


async def test_a_poison_message_is_dead_lettered_and_the_others_keep_flowing(
    lib_settings: BaseServiceSettings, sessionmaker: async_sessionmaker[AsyncSession],
    raw_db: asyncpg.Connection, upstream: str,
) -> None:
    initiative = uuid.uuid4()
    events = [make_event(initiative, n, poison=(n == 3)) for n in range(8)]
    await publish(lib_settings, upstream, events)
    # Not a CloudEvent at all: dead-lettered without retries.
    producer = make_producer(lib_settings)
    await producer.start()
    await producer.send_and_wait(upstream, b"garbage", key=b"k")
    await producer.stop()
    name = f"{lib_settings.service_name}-consumer"
    consumer = EventConsumer(lib_settings, sessionmaker, [upstream],
                             {EVENT_TYPE: handler_for(name)}, name)

    async def all_handled() -> bool:  # applied or dead-lettered, then committed
        return await committed_offset(lib_settings, name, upstream) == len(events) + 1

    await run_until(consumer, all_handled)
    assert sorted(await effects(raw_db, name)) == sorted(e.id for e in events if e.data["n"] != 3)
    raw = AIOKafkaConsumer(lib_settings.dead_letter_topic,
                           bootstrap_servers=lib_settings.kafka_bootstrap_servers,
                           auto_offset_reset="earliest")
    await raw.start()
    try:
        records: list[ConsumerRecord] = []
        while len(records) < 2:
            for batch in (await raw.getmany(timeout_ms=1000)).values():
                records.extend(batch)
    finally:
        await raw.stop()
    poison, garbage = sorted(records, key=lambda r: r.key == b"k")  # partitions: no order
    headers = dict(poison.headers)
    assert headers["ce_id"] == str(events[3].id).encode()
    assert b"cannot apply this one" in headers["dlq_error"]
    assert headers["dlq_attempts"] == b"2"
    assert garbage.value == b"garbage"
    assert b"unparseable" in dict(garbage.headers)["dlq_error"]


async def test_redelivered_events_are_applied_once(
    lib_settings: BaseServiceSettings, sessionmaker: async_sessionmaker[AsyncSession],
    raw_db: asyncpg.Connection, upstream: str,
) -> None:
    event = make_event(uuid.uuid4(), 1)
    await publish(lib_settings, upstream, [event, event, event])  # the relay re-sent it
    name = f"{lib_settings.service_name}-consumer"
    consumer = EventConsumer(lib_settings, sessionmaker, [upstream],
                             {EVENT_TYPE: handler_for(name)}, name)

    async def all_seen() -> bool:
        return await committed_offset(lib_settings, name, upstream) == 3

    await run_until(consumer, all_seen)
    assert await effects(raw_db, name) == [event.id]
