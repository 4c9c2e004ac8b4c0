"""Agenda's events as agenda publishes them, applied through a service's own consumer:
how the tests of a service that keeps the agenda read model announce initiatives, goals,
participants, working groups and decisions without running agenda."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

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
from backbone.events.registry import Removed
from backbone.readmodels.feeds import Feed, new_entity


def new_initiative(name: str = "Cradle to Career") -> events.InitiativeState:
    """The state agenda publishes for a newly launched, active initiative."""
    return events.InitiativeState(
        **new_entity(), name=name, problem_statement="", vision="", geography="",
        phase=Phase.INITIATING_ACTION, preconditions={}, equity_commitments=[],
        status=InitiativeStatus.ACTIVE, start_date=None, end_date=None, agenda_revision=0)


def new_goal(initiative_id: uuid.UUID,
             title: str = "Every child ready for kindergarten") -> events.GoalState:
    return events.GoalState(**new_entity(), initiative_id=initiative_id, title=title,
                            description="", population="", position=0, status=GoalStatus.ACTIVE)


class AgendaFeed(Feed):
    """Agenda's entities, announced as agenda announces them."""

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

    async def strategy(self, tenant: str, initiative_id: uuid.UUID, goal_id: uuid.UUID,
                       title: str = "Expand high-quality pre-K") -> uuid.UUID:
        state = events.StrategyState(**new_entity(), initiative_id=initiative_id,
                                     goal_id=goal_id, title=title, description="", position=0)
        await self.publish(tenant, events.STRATEGY_CREATED, state, initiative_id)
        return state.id

    async def strategy_deleted(self, tenant: str, initiative_id: uuid.UUID,
                               strategy_id: uuid.UUID) -> None:
        await self.publish(tenant, events.STRATEGY_DELETED,
                           Removed(id=strategy_id, initiative_id=initiative_id), initiative_id)

    async def organization(self, tenant: str, organization_id: uuid.UUID,
                           name: str = "Northside Family Center") -> None:
        state = events.OrganizationState(
            **{**new_entity(), "id": organization_id}, name=name, sector=Sector.NONPROFIT,
            contact_name=None, contact_email=None, website=None, external_ids={})
        await self.publish(tenant, events.ORGANIZATION_CREATED, state, None)

    async def participant(self, tenant: str, initiative_id: uuid.UUID,
                          organization_id: uuid.UUID,
                          *roles: ParticipantRole) -> uuid.UUID:
        """An organization joining the initiative (as a partner unless ``roles`` say)."""
        state = events.ParticipantState(
            **new_entity(), initiative_id=initiative_id, kind=ParticipantKind.ORGANIZATION,
            organization_id=organization_id, display_name="Participant",
            roles=list(roles) or [ParticipantRole.PARTNER], joined_on=None, left_on=None,
            commitment_statement="")
        await self.publish(tenant, events.PARTICIPANT_JOINED, state, initiative_id)
        return state.id

    async def working_group(self, tenant: str, initiative_id: uuid.UUID,
                            member_ids: list[uuid.UUID]) -> uuid.UUID:
        state = events.WorkingGroupState(**new_entity(), initiative_id=initiative_id,
                                         name="Early learning", purpose="", goal_ids=[],
                                         member_ids=member_ids)
        await self.publish(tenant, events.WORKING_GROUP_CREATED, state, initiative_id)
        return state.id

    async def decision(self, tenant: str, initiative_id: uuid.UUID,
                       title: str = "Adopt the shared kindergarten readiness measure"
                       ) -> uuid.UUID:
        state = events.DecisionState(
            **new_entity(), initiative_id=initiative_id, title=title, description="",
            method=DecisionMethod.CONSENSUS, decided_on=datetime.now(UTC).date(), votes=None,
            participant_ids=[], goal_ids=[])
        await self.publish(tenant, events.DECISION_RECORDED, state, initiative_id)
        return state.id
