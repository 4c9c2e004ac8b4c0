"""Agenda's events as agenda publishes them, applied through a service's own consumer:
how the tests of a service that keeps the agenda read model announce initiatives and goals
without running agenda."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from backbone.contracts.agenda import events
from backbone.contracts.agenda.entities import GoalStatus, InitiativeStatus, Phase
from backbone.events.consumer import EventConsumer
from backbone.events.envelope import CloudEvent
from backbone.events.registry import EventPayload, EventType, Removed


def _entity() -> dict[str, Any]:
    now = datetime.now(UTC)
    return {"id": uuid.uuid4(), "version": 1, "created_at": now, "updated_at": now}


def new_initiative(name: str = "Cradle to Career") -> events.InitiativeState:
    """The state agenda publishes for a newly launched, active initiative."""
    return events.InitiativeState(
        **_entity(), name=name, problem_statement="", vision="", geography="",
        phase=Phase.INITIATING_ACTION, preconditions={}, equity_commitments=[],
        status=InitiativeStatus.ACTIVE, start_date=None, end_date=None, agenda_revision=0)


def new_goal(initiative_id: uuid.UUID,
             title: str = "Every child ready for kindergarten") -> events.GoalState:
    return events.GoalState(**_entity(), initiative_id=initiative_id, title=title,
                            description="", population="", position=0, status=GoalStatus.ACTIVE)


def as_published(tenant: str, event_type: EventType[Any], payload: EventPayload,
                 initiative: uuid.UUID | None) -> CloudEvent:
    data = payload.model_dump(mode="json")
    return CloudEvent(
        id=uuid.uuid4(), source=events.registry.source, type=event_type.type,
        subject=str(data["id"]), time=datetime.now(UTC), dataschema=event_type.dataschema,
        tenant=tenant, initiative=str(initiative) if initiative else None, traceparent=None,
        data=data, actor="test")


@dataclass
class AgendaFeed:
    consumer: EventConsumer

    async def publish(self, tenant: str, event_type: EventType[Any], payload: EventPayload,
                      initiative: uuid.UUID | None) -> None:
        await self.consumer.apply(as_published(tenant, event_type, payload, initiative))

    async def initiative(self, tenant: str, name: str = "Cradle to Career") -> uuid.UUID:
        state = new_initiative(name)
        await self.publish(tenant, events.INITIATIVE_CREATED, state, state.id)
        return state.id

    async def goal(self, tenant: str, initiative_id: uuid.UUID) -> uuid.UUID:
        state = new_goal(initiative_id)
        await self.publish(tenant, events.GOAL_CREATED, state, initiative_id)
        return state.id

    async def goal_deleted(self, tenant: str, initiative_id: uuid.UUID,
                           goal_id: uuid.UUID) -> None:
        await self.publish(tenant, events.GOAL_DELETED,
                           Removed(id=goal_id, initiative_id=initiative_id), initiative_id)
