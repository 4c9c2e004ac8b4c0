"""The agenda service: the common agenda of collective impact initiatives."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from agenda.api import goals, groups, initiatives, organizations, participants
from agenda.config import Settings
from backbone.contracts.agenda.events import registry
from backbone.http.app import create_service_app
from backbone.service import ServiceSpec

DESCRIPTION = """
The **common agenda** of collective impact initiatives: initiatives, the network's
organization directory (synchronisable with CRMs by external id), participants,
goals and strategies, working groups and the decisions log. Every change of the vision,
goals or strategies is a new numbered **agenda revision**; history is kept.

All routes need a bearer JWT. Errors are RFC 9457 `application/problem+json`.
Lists use cursor pagination (`limit`, `cursor` -> `next_cursor`) and `updated_since`.
Reads return an `ETag`; send it back as `If-Match` on updates. POSTs accept an
`Idempotency-Key`. Every change is published as a CloudEvent on `backbone.agenda.v1`
(see `GET /v1/event-types`).
"""

TAGS = [
    {"name": "initiatives", "description": "Collective impact efforts hosted by the network."},
    {"name": "agenda", "description": "The common agenda document and its revisions."},
    {"name": "organizations", "description": "The network's directory, with CRM ids."},
    {"name": "participants", "description": "Organizations and community members in an "
                                            "initiative, with their roles."},
    {"name": "goals", "description": "Population-level results and the strategies under them."},
    {"name": "working groups", "description": "Action teams of participants."},
    {"name": "decisions", "description": "What the initiative decided, how and with whom."},
]

MIGRATIONS = Path(__file__).parent / "migrations"

SERVICE = ServiceSpec(name="agenda", port=8001, app="agenda.app:create_app",
                      migrations=MIGRATIONS, events="backbone.contracts.agenda.events:registry",
                      demo="agenda.demo:load")


def create_app(settings: Settings | None = None) -> FastAPI:
    return create_service_app(
        settings or Settings(),
        title="Backbone agenda API",
        description=DESCRIPTION,
        routers=[initiatives.router, organizations.router, participants.router, goals.router,
                 groups.router, groups.wg_router, groups.decision_router],
        registry=registry,
        spec=SERVICE,
        openapi_tags=TAGS,
    )
