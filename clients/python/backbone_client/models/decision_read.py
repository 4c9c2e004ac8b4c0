from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.decision_method import DecisionMethod

if TYPE_CHECKING:
    from ..models.decision_read_votes_type_0 import DecisionReadVotesType0


T = TypeVar("T", bound="DecisionRead")


@_attrs_define
class DecisionRead:
    """
    Attributes:
        id (UUID):
        version (int): Increases on every change; the ETag is its quoted value.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        initiative_id (UUID):
        title (str):
        description (str):
        method (DecisionMethod):
        decided_on (datetime.date):
        votes (DecisionReadVotesType0 | None):
        participant_ids (list[UUID]):
        goal_ids (list[UUID]):
    """

    id: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    initiative_id: UUID
    title: str
    description: str
    method: DecisionMethod
    decided_on: datetime.date
    votes: DecisionReadVotesType0 | None
    participant_ids: list[UUID]
    goal_ids: list[UUID]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.decision_read_votes_type_0 import DecisionReadVotesType0  # noqa: PLC0415

        id = str(self.id)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        initiative_id = str(self.initiative_id)

        title = self.title

        description = self.description

        method = self.method.value

        decided_on = self.decided_on.isoformat()

        votes: dict[str, Any] | None
        if isinstance(self.votes, DecisionReadVotesType0):
            votes = self.votes.to_dict()
        else:
            votes = self.votes

        participant_ids = []
        for participant_ids_item_data in self.participant_ids:
            participant_ids_item = str(participant_ids_item_data)
            participant_ids.append(participant_ids_item)

        goal_ids = []
        for goal_ids_item_data in self.goal_ids:
            goal_ids_item = str(goal_ids_item_data)
            goal_ids.append(goal_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "initiative_id": initiative_id,
                "title": title,
                "description": description,
                "method": method,
                "decided_on": decided_on,
                "votes": votes,
                "participant_ids": participant_ids,
                "goal_ids": goal_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decision_read_votes_type_0 import DecisionReadVotesType0  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        initiative_id = UUID(d.pop("initiative_id"))

        title = d.pop("title")

        description = d.pop("description")

        method = DecisionMethod(d.pop("method"))

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        def _parse_votes(data: object) -> DecisionReadVotesType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                votes_type_0 = DecisionReadVotesType0.from_dict(data)

                return votes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DecisionReadVotesType0 | None, data)

        votes = _parse_votes(d.pop("votes"))

        participant_ids = []
        _participant_ids = d.pop("participant_ids")
        for participant_ids_item_data in _participant_ids:
            participant_ids_item = UUID(participant_ids_item_data)

            participant_ids.append(participant_ids_item)

        goal_ids = []
        _goal_ids = d.pop("goal_ids")
        for goal_ids_item_data in _goal_ids:
            goal_ids_item = UUID(goal_ids_item_data)

            goal_ids.append(goal_ids_item)

        decision_read = cls(
            id=id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            initiative_id=initiative_id,
            title=title,
            description=description,
            method=method,
            decided_on=decided_on,
            votes=votes,
            participant_ids=participant_ids,
            goal_ids=goal_ids,
        )

        decision_read.additional_properties = d
        return decision_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
