"""The outbox of the measurement service, publishing on ``backbone.measurement.v1``.

Measurement's event types and payload models are its published contract and live in the
library (``backbone.contracts.measurement``), so that consumers parse with the very models
measurement validates against.
"""

from __future__ import annotations

from backbone.contracts.measurement.events import registry
from backbone.events.outbox import Outbox

outbox = Outbox(registry)
