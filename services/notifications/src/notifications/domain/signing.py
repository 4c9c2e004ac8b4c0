"""Standard Webhooks signatures: ``v1,<base64 HMAC-SHA256 of id.timestamp.body>``, one per
secret that signs (two while a rotated-out secret is still honoured)."""

from __future__ import annotations

import base64
import secrets
from collections.abc import Sequence
from datetime import datetime

from standardwebhooks.webhooks import Webhook

PREFIX = "whsec_"


def new_secret() -> str:
    return PREFIX + base64.b64encode(secrets.token_bytes(24)).decode()


def headers(signing_secrets: Sequence[str], message_id: str, timestamp: datetime,
            body: str) -> dict[str, str]:
    signatures = " ".join(Webhook(s).sign(message_id, timestamp, body) for s in signing_secrets)
    return {"webhook-id": message_id, "webhook-timestamp": str(int(timestamp.timestamp())),
            "webhook-signature": signatures, "content-type": "application/cloudevents+json"}
