"""The activities service: mutually reinforcing activities of collective impact
initiatives."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fastapi import FastAPI

from activities.api import activities, commitments, contributors, geographies, links, updates, views
from activities.config import Settings
from activities.events import registry
from activities.service.overdue import OverdueCommitments
from activities.service.upstream import SUBSCRIPTIONS
from backbone.db import SessionFactory
from backbone.events.consumer import EventConsumer
from backbone.http.app import Worker, create_service_app
from backbone.readmodels.agenda import AGENDA
from backbone.readmodels.measurement import MEASUREMENT
from backbone.service import ServiceSpec

DESCRIPTION = """
**Mutually reinforcing activities**: who does what, where, for whom, toward which strategy
of the common agenda and which shared measure, and what each organization brings.

Partners record the activities their organization leads, their contributions (IATI roles:
funding, accountable, extending, implementing; money, staff hours, in kind) and their
commitments; backbone staff manage everything in the initiative, viewers read.

The views join that to the agenda and the data: the **alignment** matrix (strategies x
organizations, optionally x places; JSON or CSV), **gaps** (goals, strategies, places,
off-track indicators and groups with a widening gap that no running activity serves, each
saying why, as of any day), **overlaps** (organizations doing the same for the same people
in the same place without saying they reinforce each other) and the network **map** (a Kumu
blueprint with each organization's degree, betweenness and isolation).

Goals, strategies, organizations and participants come from agenda's events
(`backbone.agenda.v1`), indicators, dimensions and the figures viewers see from
measurement's (`backbone.measurement.v1`); there are no calls between services. Every change
is published as a CloudEvent on `backbone.activities.v1` (see `GET /v1/event-types`).

All routes need a bearer JWT. Errors are RFC 9457 `application/problem+json`.
"""

TAGS = [
    {"name": "activities", "description": "Who does what, where, for whom."},
    {"name": "contributors", "description": "Organizations' parts in an activity and what "
                                            "they bring."},
    {"name": "commitments", "description": "What participant organizations pledge."},
    {"name": "updates", "description": "Progress notes and milestones."},
    {"name": "links", "description": "Activities that reinforce, depend on or duplicate "
                                     "each other."},
    {"name": "geographies", "description": "The initiative's places, as a hierarchy."},
    {"name": "views", "description": "Alignment, gaps, overlaps and the network map."},
]

MIGRATIONS = Path(__file__).parent / "migrations"

SERVICE = ServiceSpec(name="activities", port=8003, app="activities.app:create_app",
                      migrations=MIGRATIONS, events="activities.events:registry",
                      read_models=(AGENDA, MEASUREMENT), demo="activities.demo:load",
                      # the people notifications' demo adds hear of the overdue commitment
                      demo_after=("notifications",))


def create_app(settings: Settings | None = None) -> FastAPI:
    config = settings or Settings()

    def consumers(sessionmaker: SessionFactory) -> Sequence[EventConsumer]:
        return [EventConsumer(config, sessionmaker, SUBSCRIPTIONS)]

    def workers(sessionmaker: SessionFactory) -> Sequence[Worker]:
        return [OverdueCommitments(sessionmaker, config.commitment_check_interval_s)]

    return create_service_app(
        config,
        title="Backbone activities API",
        description=DESCRIPTION,
        routers=[activities.router, contributors.router, commitments.router, updates.router,
                 links.router, geographies.router, views.router],
        registry=registry,
        spec=SERVICE,
        openapi_tags=TAGS,
        consumers=consumers,
        workers=workers,
    )
