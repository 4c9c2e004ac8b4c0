from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.initiative_status import InitiativeStatus
from ..models.phase import Phase
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.preconditions import Preconditions


T = TypeVar("T", bound="InitiativeCreate")


@_attrs_define
class InitiativeCreate:
    """
    Attributes:
        name (str):
        problem_statement (str | Unset):  Default: ''.
        vision (str | Unset):  Default: ''.
        geography (str | Unset):  Default: ''.
        phase (Phase | Unset):
        preconditions (Preconditions | Unset): The three preconditions of collective impact, each with an assessment.
        equity_commitments (list[str] | Unset):
        status (InitiativeStatus | Unset):
        start_date (datetime.date | None | Unset):
        end_date (datetime.date | None | Unset):
    """

    name: str
    problem_statement: str | Unset = ""
    vision: str | Unset = ""
    geography: str | Unset = ""
    phase: Phase | Unset = UNSET
    preconditions: Preconditions | Unset = UNSET
    equity_commitments: list[str] | Unset = UNSET
    status: InitiativeStatus | Unset = UNSET
    start_date: datetime.date | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        problem_statement = self.problem_statement

        vision = self.vision

        geography = self.geography

        phase: str | Unset = UNSET
        if not isinstance(self.phase, Unset):
            phase = self.phase.value

        preconditions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.preconditions, Unset):
            preconditions = self.preconditions.to_dict()

        equity_commitments: list[str] | Unset = UNSET
        if not isinstance(self.equity_commitments, Unset):
            equity_commitments = self.equity_commitments

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if problem_statement is not UNSET:
            field_dict["problem_statement"] = problem_statement
        if vision is not UNSET:
            field_dict["vision"] = vision
        if geography is not UNSET:
            field_dict["geography"] = geography
        if phase is not UNSET:
            field_dict["phase"] = phase
        if preconditions is not UNSET:
            field_dict["preconditions"] = preconditions
        if equity_commitments is not UNSET:
            field_dict["equity_commitments"] = equity_commitments
        if status is not UNSET:
            field_dict["status"] = status
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if end_date is not UNSET:
            field_dict["end_date"] = end_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.preconditions import Preconditions  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        problem_statement = d.pop("problem_statement", UNSET)

        vision = d.pop("vision", UNSET)

        geography = d.pop("geography", UNSET)

        _phase = d.pop("phase", UNSET)
        phase: Phase | Unset
        if isinstance(_phase, Unset):
            phase = UNSET
        else:
            phase = Phase(_phase)

        _preconditions = d.pop("preconditions", UNSET)
        preconditions: Preconditions | Unset
        if isinstance(_preconditions, Unset):
            preconditions = UNSET
        else:
            preconditions = Preconditions.from_dict(_preconditions)

        equity_commitments = cast(list[str], d.pop("equity_commitments", UNSET))

        _status = d.pop("status", UNSET)
        status: InitiativeStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = InitiativeStatus(_status)

        def _parse_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        start_date = _parse_start_date(d.pop("start_date", UNSET))

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        initiative_create = cls(
            name=name,
            problem_statement=problem_statement,
            vision=vision,
            geography=geography,
            phase=phase,
            preconditions=preconditions,
            equity_commitments=equity_commitments,
            status=status,
            start_date=start_date,
            end_date=end_date,
        )

        return initiative_create
