"""Agenda's events as agenda publishes them, applied through a service's own consumer:
how the tests of a service that keeps the agenda read model announce initiatives, goals,
participants, working groups and decisions without running agenda."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from backbone.contracts.agenda import events
from backbone.contracts.agenda.entities import (
    DecisionMethod,
    GoalStatus,
    InitiativeStatus,
    ParticipantKind,
    ParticipantRole,
    Phase,
    Sector,
)
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

    async def organization(self, tenant: str, organization_id: uuid.UUID,
                           name: str = "Northside Family Center") -> None:
        state = events.OrganizationState(
            **{**_entity(), "id": organization_id}, name=name, sector=Sector.NONPROFIT,
            contact_name=None, contact_email=None, website=None, external_ids={})
        await self.publish(tenant, events.ORGANIZATION_CREATED, state, None)

    async def participant(self, tenant: str, initiative_id: uuid.UUID,
                          organization_id: uuid.UUID,
                          *roles: ParticipantRole) -> uuid.UUID:
        """An organization joining the initiative (as a partner unless ``roles`` say)."""
        state = events.ParticipantState(
            **_entity(), initiative_id=initiative_id, kind=ParticipantKind.ORGANIZATION,
            organization_id=organization_id, display_name="Participant",
            roles=list(roles) or [ParticipantRole.PARTNER], joined_on=None, left_on=None,
            commitment_statement="")
        await self.publish(tenant, events.PARTICIPANT_JOINED, state, initiative_id)
        return state.id

    async def working_group(self, tenant: str, initiative_id: uuid.UUID,
                            member_ids: list[uuid.UUID]) -> uuid.UUID:
        state = events.WorkingGroupState(**_entity(), initiative_id=initiative_id,
                                         name="Early learning", purpose="", goal_ids=[],
                                         member_ids=member_ids)
        await self.publish(tenant, events.WORKING_GROUP_CREATED, state, initiative_id)
        return state.id

    async def decision(self, tenant: str, initiative_id: uuid.UUID,
                       title: str = "Adopt the shared kindergarten readiness measure"
                       ) -> uuid.UUID:
        state = events.DecisionState(
            **_entity(), initiative_id=initiative_id, title=title, description="",
            method=DecisionMethod.CONSENSUS, decided_on=datetime.now(UTC).date(), votes=None,
            participant_ids=[], goal_ids=[])
        await self.publish(tenant, events.DECISION_RECORDED, state, initiative_id)
        return state.id
