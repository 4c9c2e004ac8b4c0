"""Kafka clients configured from the service settings (one place for client options)."""

from __future__ import annotations

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from backbone.settings import BaseServiceSettings


def make_producer(settings: BaseServiceSettings) -> AIOKafkaProducer:
    """A producer that waits for all in-sync replicas; idempotent where the broker allows."""
    return AIOKafkaProducer(
        bootstrap_servers=settings.kafka_bootstrap_servers,
        client_id=f"{settings.service_name}-producer",
        acks="all",
        enable_idempotence=settings.kafka_idempotent_producer,
        linger_ms=2,
        max_batch_size=512 * 1024,
        request_timeout_ms=10_000,
        retry_backoff_ms=200,
    )


def make_consumer(
    settings: BaseServiceSettings, group_id: str, topics: list[str]
) -> AIOKafkaConsumer:
    """A group consumer whose offsets are committed by hand, after the handler's commit."""
    return AIOKafkaConsumer(
        *topics,
        bootstrap_servers=settings.kafka_bootstrap_servers,
        client_id=f"{group_id}-consumer",
        group_id=group_id,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        session_timeout_ms=settings.kafka_session_timeout_ms,
        heartbeat_interval_ms=settings.kafka_heartbeat_interval_ms,
        metadata_max_age_ms=5_000,
        fetch_max_wait_ms=settings.kafka_fetch_max_wait_ms,
    )


async def ensure_topics(bootstrap_servers: str, topics: list[str], partitions: int) -> None:
    """Create the topics that do not exist yet (Tansu keeps topics in memory only)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers, request_timeout_ms=10_000)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [t for t in topics if t not in existing]
        if missing:
            await admin.create_topics(
                [NewTopic(t, num_partitions=partitions, replication_factor=1) for t in missing]
            )
    finally:
        await admin.close()
