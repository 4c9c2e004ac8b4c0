"""The read model of agenda's entities (initiatives, organizations, goals, strategies,
participants with their roles, working groups with their members), fed by ``backbone.agenda.v1``.

A service keeps it by naming :data:`AGENDA` in its ``ServiceSpec`` (which migrates the
tables) and by consuming :func:`subscriptions` for the entities it needs. Its own reactions
to the same events (say, unlinking a deleted goal) are further subscriptions listed after
these: they run in the same transaction, once the read model is updated.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

from backbone.contracts.agenda import events
from backbone.events.consumer import Subscription
from backbone.readmodels import ReadModel
from backbone.readmodels.agenda.handlers import forget_strategies_of_goal
from backbone.readmodels.agenda.tables import (
    AgendaReadModelBase,
    KnownGoal,
    KnownInitiative,
    KnownOrganization,
    KnownParticipant,
    KnownStrategy,
    KnownWorkingGroup,
)
from backbone.readmodels.known import delete_from, upsert_into

AGENDA = ReadModel(name="agenda", metadata=AgendaReadModelBase.metadata,
                   versions=Path(__file__).parent / "schema", topics=(events.registry.topic,))


class Entity(StrEnum):
    INITIATIVES = "initiatives"
    ORGANIZATIONS = "organizations"
    GOALS = "goals"
    STRATEGIES = "strategies"
    PARTICIPANTS = "participants"
    WORKING_GROUPS = "working_groups"


_SUBSCRIPTIONS: dict[Entity, list[Subscription[Any]]] = {
    Entity.INITIATIVES: [
        Subscription(events.INITIATIVE_CREATED, upsert_into(KnownInitiative)),
        Subscription(events.INITIATIVE_UPDATED, upsert_into(KnownInitiative)),
    ],
    Entity.ORGANIZATIONS: [
        Subscription(events.ORGANIZATION_CREATED, upsert_into(KnownOrganization)),
        Subscription(events.ORGANIZATION_UPDATED, upsert_into(KnownOrganization)),
    ],
    Entity.GOALS: [
        Subscription(events.GOAL_CREATED, upsert_into(KnownGoal)),
        Subscription(events.GOAL_UPDATED, upsert_into(KnownGoal)),
        Subscription(events.GOAL_DELETED, delete_from(KnownGoal)),
    ],
    Entity.STRATEGIES: [
        Subscription(events.STRATEGY_CREATED, upsert_into(KnownStrategy)),
        Subscription(events.STRATEGY_UPDATED, upsert_into(KnownStrategy)),
        Subscription(events.STRATEGY_DELETED, delete_from(KnownStrategy)),
        Subscription(events.GOAL_DELETED, forget_strategies_of_goal),
    ],
    Entity.PARTICIPANTS: [
        Subscription(events.PARTICIPANT_JOINED, upsert_into(KnownParticipant)),
        Subscription(events.PARTICIPANT_UPDATED, upsert_into(KnownParticipant)),
        Subscription(events.PARTICIPANT_REMOVED, delete_from(KnownParticipant)),
    ],
    Entity.WORKING_GROUPS: [
        Subscription(events.WORKING_GROUP_CREATED, upsert_into(KnownWorkingGroup)),
        Subscription(events.WORKING_GROUP_UPDATED, upsert_into(KnownWorkingGroup)),
        Subscription(events.WORKING_GROUP_DELETED, delete_from(KnownWorkingGroup)),
    ],
}


def subscriptions(*entities: Entity) -> list[Subscription[Any]]:
    """What keeps the named entities (all of them if none is named) up to date."""
    return [s for entity in entities or tuple(Entity) for s in _SUBSCRIPTIONS[entity]]


__all__ = ["AGENDA", "Entity", "KnownGoal", "KnownInitiative", "KnownOrganization",
           "KnownParticipant", "KnownStrategy", "KnownWorkingGroup", "subscriptions"]
