"""The library's agenda read model, fed through a consumer as agenda publishes: newer
states replace older ones, replays of older ones change nothing, removals delete."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from backbone.contracts.agenda import events
from backbone.contracts.agenda.entities import ParticipantKind, ParticipantRole, Sector
from backbone.events.consumer import EventConsumer
from backbone.events.registry import Removed
from backbone.readmodels.agenda import (
    AGENDA,
    Entity,
    KnownGoal,
    KnownInitiative,
    KnownOrganization,
    KnownParticipant,
    KnownStrategy,
    subscriptions,
)
from backbone.readmodels.agenda.feed import AgendaFeed, new_goal, new_initiative
from backbone.readmodels.feeds import as_published
from backbone.settings import BaseServiceSettings


@pytest.fixture
async def read_model(owner_engine: AsyncEngine) -> AsyncIterator[None]:
    async with owner_engine.begin() as conn:
        await conn.run_sync(AGENDA.metadata.create_all)
    yield
    async with owner_engine.begin() as conn:
        await conn.run_sync(AGENDA.metadata.drop_all)


def _feed(settings: BaseServiceSettings, sessionmaker: async_sessionmaker[AsyncSession],
          *entities: Entity) -> AgendaFeed:
    return AgendaFeed(EventConsumer(settings, sessionmaker, subscriptions(*entities),
                                    name=f"rm-{uuid.uuid4().hex[:8]}"))


async def _all(sessionmaker: async_sessionmaker[AsyncSession], table: Any) -> list[Any]:
    async with sessionmaker() as session:
        return list((await session.execute(select(table))).scalars())


@pytest.mark.usefixtures("read_model")
async def test_newer_states_win_and_replays_of_older_ones_change_nothing(
    lib_settings: BaseServiceSettings, sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    feed = _feed(lib_settings, sessionmaker)
    first = new_initiative("Ready by 5")
    renamed = first.model_copy(update={"name": "Ready by Five", "version": 2})
    await feed.publish("north", events.INITIATIVE_CREATED, first, first.id)
    await feed.publish("north", events.INITIATIVE_UPDATED, renamed, first.id)
    await feed.publish("north", events.INITIATIVE_CREATED, first, first.id)  # older, again
    [known] = await _all(sessionmaker, KnownInitiative)
    assert (known.tenant, known.name, known.status, known.source_version) == (
        "north", "Ready by Five", "active", 2)


@pytest.mark.usefixtures("read_model")
async def test_every_entity_is_kept_and_removals_delete(
    lib_settings: BaseServiceSettings, sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    feed = _feed(lib_settings, sessionmaker)
    initiative = new_initiative()
    goal = new_goal(initiative.id)
    base = {"id": uuid.uuid4(), "version": 1, "created_at": goal.created_at,
            "updated_at": goal.updated_at}
    organization = events.OrganizationState(
        **base, name="Eastside Library", sector=Sector.NONPROFIT, contact_name=None,
        contact_email=None, website=None, external_ids={"salesforce": "001"})
    participant = events.ParticipantState(
        **{**base, "id": uuid.uuid4()}, initiative_id=initiative.id,
        kind=ParticipantKind.ORGANIZATION, organization_id=organization.id,
        display_name="Eastside Library",
        roles=[ParticipantRole.BACKBONE, ParticipantRole.PARTNER], joined_on=None,
        left_on=None, commitment_statement="")
    strategy = events.StrategyState(
        **{**base, "id": uuid.uuid4()}, initiative_id=initiative.id, goal_id=goal.id,
        title="Home visiting", description="", position=0)
    for event_type, state in [(events.INITIATIVE_CREATED, initiative),
                              (events.ORGANIZATION_CREATED, organization),
                              (events.PARTICIPANT_JOINED, participant),
                              (events.GOAL_CREATED, goal),
                              (events.STRATEGY_CREATED, strategy)]:
        await feed.publish("north", event_type, state, initiative.id)

    [org] = await _all(sessionmaker, KnownOrganization)
    assert (org.name, org.sector, org.external_ids) == (
        "Eastside Library", "nonprofit", {"salesforce": "001"})
    [member] = await _all(sessionmaker, KnownParticipant)
    assert (member.organization_id, member.roles, member.kind) == (
        organization.id, ["backbone", "partner"], "organization")
    [known_strategy] = await _all(sessionmaker, KnownStrategy)
    assert (known_strategy.goal_id, known_strategy.title) == (goal.id, "Home visiting")

    removed = Removed(id=goal.id, initiative_id=initiative.id)
    await feed.publish("north", events.GOAL_DELETED, removed, initiative.id)
    assert await _all(sessionmaker, KnownGoal) == []
    assert await _all(sessionmaker, KnownStrategy) == []  # a goal's strategies go with it
    await feed.publish("north", events.PARTICIPANT_REMOVED,
                       Removed(id=participant.id, initiative_id=initiative.id), initiative.id)
    assert await _all(sessionmaker, KnownParticipant) == []


@pytest.mark.usefixtures("read_model")
async def test_a_service_keeps_only_the_entities_it_declares(
    lib_settings: BaseServiceSettings, sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    feed = _feed(lib_settings, sessionmaker, Entity.GOALS)
    initiative = new_initiative()
    outcome = await feed.consumer.apply(
        as_published("north", events.INITIATIVE_CREATED, initiative, initiative.id))
    assert outcome == "ignored"
    assert feed.consumer.topics == [events.registry.topic]
    await feed.goal("north", initiative.id)
    assert await _all(sessionmaker, KnownInitiative) == []
    assert len(await _all(sessionmaker, KnownGoal)) == 1


async def test_consumers_ignore_fields_they_do_not_know() -> None:
    """A producer may add fields: an older consumer's contract still parses the rest."""
    state = new_goal(uuid.uuid4()).model_dump(mode="json")
    parsed = events.GOAL_CREATED.parse({**state, "colour": "green"})
    assert parsed.title == state["title"]
    assert isinstance(parsed, events.GoalState)
