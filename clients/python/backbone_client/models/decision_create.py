from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.decision_method import DecisionMethod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.votes import Votes


T = TypeVar("T", bound="DecisionCreate")


@_attrs_define
class DecisionCreate:
    """
    Attributes:
        title (str):
        method (DecisionMethod):
        decided_on (datetime.date):
        description (str | Unset):  Default: ''.
        votes (None | Unset | Votes): The tally, for decisions taken by vote.
        participant_ids (list[UUID] | Unset): Participants who took the decision.
        goal_ids (list[UUID] | Unset): Goals the decision is about.
    """

    title: str
    method: DecisionMethod
    decided_on: datetime.date
    description: str | Unset = ""
    votes: None | Unset | Votes = UNSET
    participant_ids: list[UUID] | Unset = UNSET
    goal_ids: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.votes import Votes  # noqa: PLC0415

        title = self.title

        method = self.method.value

        decided_on = self.decided_on.isoformat()

        description = self.description

        votes: dict[str, Any] | None | Unset
        if isinstance(self.votes, Unset):
            votes = UNSET
        elif isinstance(self.votes, Votes):
            votes = self.votes.to_dict()
        else:
            votes = self.votes

        participant_ids: list[str] | Unset = UNSET
        if not isinstance(self.participant_ids, Unset):
            participant_ids = []
            for participant_ids_item_data in self.participant_ids:
                participant_ids_item = str(participant_ids_item_data)
                participant_ids.append(participant_ids_item)

        goal_ids: list[str] | Unset = UNSET
        if not isinstance(self.goal_ids, Unset):
            goal_ids = []
            for goal_ids_item_data in self.goal_ids:
                goal_ids_item = str(goal_ids_item_data)
                goal_ids.append(goal_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "method": method,
                "decided_on": decided_on,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if votes is not UNSET:
            field_dict["votes"] = votes
        if participant_ids is not UNSET:
            field_dict["participant_ids"] = participant_ids
        if goal_ids is not UNSET:
            field_dict["goal_ids"] = goal_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.votes import Votes  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        method = DecisionMethod(d.pop("method"))

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        description = d.pop("description", UNSET)

        def _parse_votes(data: object) -> None | Unset | Votes:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                votes_type_0 = Votes.from_dict(data)

                return votes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | Votes, data)

        votes = _parse_votes(d.pop("votes", UNSET))

        _participant_ids = d.pop("participant_ids", UNSET)
        participant_ids: list[UUID] | Unset = UNSET
        if _participant_ids is not UNSET:
            participant_ids = []
            for participant_ids_item_data in _participant_ids:
                participant_ids_item = UUID(participant_ids_item_data)

                participant_ids.append(participant_ids_item)

        _goal_ids = d.pop("goal_ids", UNSET)
        goal_ids: list[UUID] | Unset = UNSET
        if _goal_ids is not UNSET:
            goal_ids = []
            for goal_ids_item_data in _goal_ids:
                goal_ids_item = UUID(goal_ids_item_data)

                goal_ids.append(goal_ids_item)

        decision_create = cls(
            title=title,
            method=method,
            decided_on=decided_on,
            description=description,
            votes=votes,
            participant_ids=participant_ids,
            goal_ids=goal_ids,
        )

        return decision_create
