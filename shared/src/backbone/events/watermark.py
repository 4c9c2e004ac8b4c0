"""Watermarks: how a snapshot of a service's data and its event topic fit together.

A snapshot (an export, read in one transaction) is paired with the topic's end offsets read
*before* the snapshot was taken. An event below them had been published, so its outbox
row had been committed, so the snapshot holds its effect. A reader loads the snapshot,
then consumes the topic from the watermark, applying each change only when it is newer
than what it holds (events carry versions), and misses nothing.

On the wire (the ``Backbone-Watermark`` header, Parquet metadata) a watermark is
``<topic>:<partition>=<offset>,...``, e.g. ``backbone.measurement.v1:0=120,1=98,2=133``.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, TopicPartition

from backbone.settings import BaseServiceSettings

HEADER = "Backbone-Watermark"


@dataclass(frozen=True)
class Watermark:
    topic: str
    offsets: dict[int, int]
    """Per partition, the offset of the first event the snapshot may not hold."""

    def __str__(self) -> str:
        return f"{self.topic}:" + ",".join(f"{p}={o}" for p, o in sorted(self.offsets.items()))

    @classmethod
    def parse(cls, text: str) -> Watermark:
        topic, _, pairs = text.partition(":")
        offsets = dict(pair.split("=") for pair in pairs.split(",") if pair)
        return cls(topic, {int(p): int(o) for p, o in offsets.items()})


async def read_watermark(settings: BaseServiceSettings, topic: str) -> Watermark:
    """The topic's end offsets now: call it before the snapshot's first statement."""
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap_servers,
                                client_id=f"{settings.service_name}-watermark",
                                request_timeout_ms=10_000)
    await consumer.start()
    try:
        await consumer.topics()  # fetches the cluster's metadata
        partitions = consumer.partitions_for_topic(topic) or set()
        found = await consumer.end_offsets([TopicPartition(topic, p) for p in partitions])
        return Watermark(topic, {tp.partition: offset for tp, offset in found.items()})
    finally:
        await consumer.stop()
