"""The CloudEvents 1.0 envelope over Kafka, in binary content mode.

Attributes travel as ``ce_*`` headers, the payload as the JSON message value, with
``content-type: application/json``. The message key is the initiative id (or the
tenant for network-level entities) so that events of one initiative stay in order.
"""

from __future__ import annotations

import functools
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

SPECVERSION = "1.0"
CONTENT_TYPE = "application/json"
_SPECVERSION, _CONTENT_TYPE = SPECVERSION.encode(), CONTENT_TYPE.encode()


@functools.lru_cache(maxsize=4096)
def _encoded(text: str) -> bytes:
    """The bytes of an attribute most events of a batch share (source, type, tenant...)."""
    return text.encode()


def kafka_headers(*, id: uuid.UUID, source: str, type: str, subject: str, time: datetime,
                  dataschema: str, tenant: str, initiative: str | None,
                  traceparent: str | None, actor: str | None, actororg: str | None
                  ) -> list[tuple[str, bytes]]:
    """The ``ce_*`` headers of an event in binary content mode (absent attributes left out).

    The relay calls this for every event it publishes, so it builds no ``CloudEvent``.
    """
    headers = [("ce_specversion", _SPECVERSION), ("ce_id", str(id).encode()),
               ("ce_source", _encoded(source)), ("ce_type", _encoded(type)),
               ("ce_subject", subject.encode()), ("ce_time", time.isoformat().encode()),
               ("ce_dataschema", _encoded(dataschema)), ("ce_tenant", _encoded(tenant))]
    if initiative is not None:
        headers.append(("ce_initiative", _encoded(initiative)))
    if traceparent is not None:  # one per write: not worth keeping
        headers.append(("ce_traceparent", traceparent.encode()))
    if actor is not None:
        headers.append(("ce_actor", _encoded(actor)))
    if actororg is not None:
        headers.append(("ce_actororg", _encoded(actororg)))
    headers.append(("content-type", _CONTENT_TYPE))
    return headers


@dataclass(frozen=True)
class CloudEvent:
    """A CloudEvent as Backbone emits it (attributes, extensions and JSON data)."""

    id: uuid.UUID
    source: str
    type: str
    subject: str
    time: datetime
    dataschema: str
    tenant: str
    initiative: str | None
    traceparent: str | None
    data: dict[str, Any]
    actor: str | None = None
    actororg: str | None = None

    def headers(self) -> list[tuple[str, bytes]]:
        return kafka_headers(
            id=self.id, source=self.source, type=self.type, subject=self.subject,
            time=self.time, dataschema=self.dataschema, tenant=self.tenant,
            initiative=self.initiative, traceparent=self.traceparent, actor=self.actor,
            actororg=self.actororg)

    def structured(self) -> str:
        """The event in CloudEvents' structured JSON mode (attributes and ``data`` in one
        object), as webhooks send it."""
        attributes: dict[str, Any] = {
            "specversion": SPECVERSION, "id": str(self.id), "source": self.source,
            "type": self.type, "subject": self.subject, "time": self.time.isoformat(),
            "datacontenttype": CONTENT_TYPE, "dataschema": self.dataschema,
            "tenant": self.tenant, "initiative": self.initiative, "actor": self.actor,
            "actororg": self.actororg, "traceparent": self.traceparent,
        }
        present = {k: v for k, v in attributes.items() if v is not None}
        return json.dumps({**present, "data": self.data}, separators=(",", ":"))

    def value(self) -> bytes:
        return json.dumps(self.data, separators=(",", ":")).encode()

    @classmethod
    def from_kafka(
        cls, headers: Iterable[tuple[str, bytes]], value: bytes | None
    ) -> CloudEvent:
        """Parse a binary-mode message; raises ``ValueError`` when it is not a valid one."""
        attrs: Mapping[str, str] = {
            k[3:]: v.decode() for k, v in headers if k.startswith("ce_") and v is not None
        }
        missing = {"specversion", "id", "source", "type", "time"} - attrs.keys()
        if missing:
            raise ValueError(f"not a CloudEvent: missing {sorted(missing)}")
        if attrs["specversion"] != SPECVERSION:
            raise ValueError(f"unsupported specversion {attrs['specversion']}")
        data = json.loads(value) if value else {}
        if not isinstance(data, dict):
            raise ValueError("event data must be a JSON object")
        return cls(
            id=uuid.UUID(attrs["id"]),
            source=attrs["source"],
            type=attrs["type"],
            subject=attrs.get("subject", ""),
            time=datetime.fromisoformat(attrs["time"]),
            dataschema=attrs.get("dataschema", ""),
            tenant=attrs.get("tenant", ""),
            initiative=attrs.get("initiative"),
            traceparent=attrs.get("traceparent"),
            data=data,
            actor=attrs.get("actor"),
            actororg=attrs.get("actororg"),
        )
