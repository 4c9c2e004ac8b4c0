"""The measurement service: shared measurement for collective impact initiatives."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fastapi import FastAPI

from backbone.contracts.measurement.events import registry
from backbone.db import SessionFactory
from backbone.events.consumer import EventConsumer
from backbone.http.app import create_service_app
from backbone.readmodels.agenda import AGENDA
from backbone.service import ServiceSpec
from measurement.api import analysis, dimensions, export, indicators, observations, settings
from measurement.config import Settings
from measurement.service.agenda_events import SUBSCRIPTIONS

DESCRIPTION = """
**Shared measurement** for collective impact initiatives: disaggregation dimensions,
indicators with explicit aggregation rules, time-phased targets, observations from partners
(single, JSON batches of up to 10,000 rows, or CSV spreadsheets) with review and full
correction history, and the figures people act on: series, progress against the trajectory
to the target, disparities between groups, and a "turn the curve" chart.

Viewers see approved data only, and cells below the initiative's minimum count are shown as
suppressed (with complementary suppression, so no total gives them away). Partners report
for their own organization; backbone staff define indicators and review data.

Initiatives and goals come from the agenda service's events (`backbone.agenda.v1`): an
initiative exists here once agenda has announced it. Every change is published as a
CloudEvent on `backbone.measurement.v1` (see `GET /v1/event-types`), one compact event per
observation, so data teams can rebuild the data from the topic.

All routes need a bearer JWT. Errors are RFC 9457 `application/problem+json`.
"""

TAGS = [
    {"name": "settings", "description": "Small-cell minimum and fiscal year per initiative."},
    {"name": "dimensions", "description": "Disaggregation schemes (race/ethnicity, gender, "
                                          "age band, income, geography, ...)."},
    {"name": "indicators", "description": "What is measured, how it aggregates, and targets."},
    {"name": "observations", "description": "Reported figures, bulk imports and review."},
    {"name": "analysis", "description": "Series, progress, disparities and charts."},
]

MIGRATIONS = Path(__file__).parent / "migrations"

SERVICE = ServiceSpec(name="measurement", port=8002, app="measurement.app:create_app",
                      migrations=MIGRATIONS,
                      events="backbone.contracts.measurement.events:registry",
                      read_models=(AGENDA,), demo="measurement.demo:load")


def create_app(settings_: Settings | None = None) -> FastAPI:
    config = settings_ or Settings()

    def consumers(sessionmaker: SessionFactory) -> Sequence[EventConsumer]:
        return [EventConsumer(config, sessionmaker, SUBSCRIPTIONS)]

    return create_service_app(
        config,
        title="Backbone measurement API",
        description=DESCRIPTION,
        routers=[settings.router, dimensions.router, indicators.router, observations.router,
                 export.router, analysis.router],
        registry=registry,
        spec=SERVICE,
        openapi_tags=TAGS,
        consumers=consumers,
        bulk_suffixes=observations.BULK_SUFFIXES,
        body_models=observations.BODY_MODELS,
    )
