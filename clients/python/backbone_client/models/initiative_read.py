from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.initiative_status import InitiativeStatus
from ..models.phase import Phase

if TYPE_CHECKING:
    from ..models.initiative_read_preconditions import InitiativeReadPreconditions


T = TypeVar("T", bound="InitiativeRead")


@_attrs_define
class InitiativeRead:
    """
    Attributes:
        id (UUID):
        version (int): Increases on every change; the ETag is its quoted value.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        name (str):
        problem_statement (str):
        vision (str):
        geography (str):
        phase (Phase):
        preconditions (InitiativeReadPreconditions):
        equity_commitments (list[str]):
        status (InitiativeStatus):
        start_date (datetime.date | None):
        end_date (datetime.date | None):
        agenda_revision (int): Number of the current common agenda revision.
    """

    id: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    name: str
    problem_statement: str
    vision: str
    geography: str
    phase: Phase
    preconditions: InitiativeReadPreconditions
    equity_commitments: list[str]
    status: InitiativeStatus
    start_date: datetime.date | None
    end_date: datetime.date | None
    agenda_revision: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        name = self.name

        problem_statement = self.problem_statement

        vision = self.vision

        geography = self.geography

        phase = self.phase.value

        preconditions = self.preconditions.to_dict()

        equity_commitments = self.equity_commitments

        status = self.status.value

        start_date: None | str
        if isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        end_date: None | str
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        agenda_revision = self.agenda_revision

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "name": name,
                "problem_statement": problem_statement,
                "vision": vision,
                "geography": geography,
                "phase": phase,
                "preconditions": preconditions,
                "equity_commitments": equity_commitments,
                "status": status,
                "start_date": start_date,
                "end_date": end_date,
                "agenda_revision": agenda_revision,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.initiative_read_preconditions import InitiativeReadPreconditions  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        name = d.pop("name")

        problem_statement = d.pop("problem_statement")

        vision = d.pop("vision")

        geography = d.pop("geography")

        phase = Phase(d.pop("phase"))

        preconditions = InitiativeReadPreconditions.from_dict(d.pop("preconditions"))

        equity_commitments = cast(list[str], d.pop("equity_commitments"))

        status = InitiativeStatus(d.pop("status"))

        def _parse_start_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        start_date = _parse_start_date(d.pop("start_date"))

        def _parse_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        end_date = _parse_end_date(d.pop("end_date"))

        agenda_revision = d.pop("agenda_revision")

        initiative_read = cls(
            id=id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
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
            agenda_revision=agenda_revision,
        )

        initiative_read.additional_properties = d
        return initiative_read

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
