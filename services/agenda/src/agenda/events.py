"""The outbox of the agenda service, publishing on ``backbone.agenda.v1``.

Agenda's event types and payload models are its published contract and live in the
library (``backbone.contracts.agenda``), so that consumers parse with the very models
agenda validates against.
"""

from __future__ import annotations

from backbone.contracts.agenda.events import registry
from backbone.events.outbox import Outbox

outbox = Outbox(registry)
