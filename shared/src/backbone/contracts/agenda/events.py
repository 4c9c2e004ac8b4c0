"""The event types agenda publishes. Created/updated payloads carry the entity's full state
after the change (the same fields as its HTTP representation), so consumers can keep a read
model without calling back."""

from __future__ import annotations

import uuid

from pydantic import ConfigDict

from backbone.contracts.agenda import entities
from backbone.events.registry import EventPayload, EventRegistry, Removed


class _Snapshot(EventPayload):
    model_config = ConfigDict(extra="forbid", from_attributes=True)


class InitiativeState(_Snapshot, entities.InitiativeRead):
    pass


class OrganizationState(_Snapshot, entities.OrganizationRead):
    pass


class ParticipantState(_Snapshot, entities.ParticipantRead):
    pass


class GoalState(_Snapshot, entities.GoalRead):
    pass


class StrategyState(_Snapshot, entities.StrategyRead):
    pass


class WorkingGroupState(_Snapshot, entities.WorkingGroupRead):
    pass


class DecisionState(_Snapshot, entities.DecisionRead):
    pass


class AgendaRevised(EventPayload):
    initiative_id: uuid.UUID
    number: int
    change: str
    changed_by: str
    document: entities.AgendaDocument


registry = EventRegistry("agenda")

INITIATIVE_CREATED = registry.define("initiative.created", InitiativeState,
                                     "An initiative was launched in a network.")
INITIATIVE_UPDATED = registry.define("initiative.updated", InitiativeState,
                                     "An initiative's details, phase or status changed.")
ORGANIZATION_CREATED = registry.define("organization.created", OrganizationState,
                                       "An organization joined the network's directory.")
ORGANIZATION_UPDATED = registry.define("organization.updated", OrganizationState,
                                       "A directory organization changed (incl. its CRM ids).")
PARTICIPANT_JOINED = registry.define("participant.joined", ParticipantState,
                                     "An organization or community member joined an initiative.")
PARTICIPANT_UPDATED = registry.define("participant.updated", ParticipantState,
                                      "A participation changed (roles, dates, commitment).")
PARTICIPANT_REMOVED = registry.define("participant.removed", Removed,
                                      "A participation record was deleted.")
GOAL_CREATED = registry.define("goal.created", GoalState, "A goal was added to the agenda.")
GOAL_UPDATED = registry.define("goal.updated", GoalState, "A goal changed.")
GOAL_DELETED = registry.define("goal.deleted", Removed, "A goal was removed from the agenda.")
STRATEGY_CREATED = registry.define("strategy.created", StrategyState,
                                   "A strategy was added under a goal.")
STRATEGY_UPDATED = registry.define("strategy.updated", StrategyState, "A strategy changed.")
STRATEGY_DELETED = registry.define("strategy.deleted", Removed, "A strategy was removed.")
WORKING_GROUP_CREATED = registry.define("working_group.created", WorkingGroupState,
                                        "A working group (action team) was formed.")
WORKING_GROUP_UPDATED = registry.define("working_group.updated", WorkingGroupState,
                                        "A working group changed (members, goals, purpose).")
WORKING_GROUP_DELETED = registry.define("working_group.deleted", Removed,
                                        "A working group was dissolved.")
DECISION_RECORDED = registry.define("decision.recorded", DecisionState,
                                    "A decision was recorded in the decisions log.")
DECISION_UPDATED = registry.define("decision.updated", DecisionState,
                                   "A decision log entry was corrected.")
DECISION_DELETED = registry.define("decision.deleted", Removed,
                                   "A decision log entry was removed.")
AGENDA_REVISED = registry.define("agenda.revised", AgendaRevised,
                                 "The common agenda changed: a new numbered revision exists.")
