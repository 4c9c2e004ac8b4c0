from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.commitment_status import CommitmentStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CommitmentCreate")


@_attrs_define
class CommitmentCreate:
    """
    Attributes:
        organization_id (UUID): A participant organization of the initiative (a partner's own).
        text (str):
        activity_id (None | Unset | UUID): An activity of the initiative.
        strategy_id (None | Unset | UUID): A strategy of the initiative's agenda.
        due_date (datetime.date | None | Unset):
        status (CommitmentStatus | Unset):
    """

    organization_id: UUID
    text: str
    activity_id: None | Unset | UUID = UNSET
    strategy_id: None | Unset | UUID = UNSET
    due_date: datetime.date | None | Unset = UNSET
    status: CommitmentStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        organization_id = str(self.organization_id)

        text = self.text

        activity_id: None | str | Unset
        if isinstance(self.activity_id, Unset):
            activity_id = UNSET
        elif isinstance(self.activity_id, UUID):
            activity_id = str(self.activity_id)
        else:
            activity_id = self.activity_id

        strategy_id: None | str | Unset
        if isinstance(self.strategy_id, Unset):
            strategy_id = UNSET
        elif isinstance(self.strategy_id, UUID):
            strategy_id = str(self.strategy_id)
        else:
            strategy_id = self.strategy_id

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "organization_id": organization_id,
                "text": text,
            }
        )
        if activity_id is not UNSET:
            field_dict["activity_id"] = activity_id
        if strategy_id is not UNSET:
            field_dict["strategy_id"] = strategy_id
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        organization_id = UUID(d.pop("organization_id"))

        text = d.pop("text")

        def _parse_activity_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activity_id_type_0 = UUID(data)

                return activity_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        activity_id = _parse_activity_id(d.pop("activity_id", UNSET))

        def _parse_strategy_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                strategy_id_type_0 = UUID(data)

                return strategy_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        strategy_id = _parse_strategy_id(d.pop("strategy_id", UNSET))

        def _parse_due_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_date = _parse_due_date(d.pop("due_date", UNSET))

        _status = d.pop("status", UNSET)
        status: CommitmentStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = CommitmentStatus(_status)

        commitment_create = cls(
            organization_id=organization_id,
            text=text,
            activity_id=activity_id,
            strategy_id=strategy_id,
            due_date=due_date,
            status=status,
        )

        return commitment_create
