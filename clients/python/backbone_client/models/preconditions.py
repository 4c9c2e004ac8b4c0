from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.precondition_assessment import PreconditionAssessment


T = TypeVar("T", bound="Preconditions")


@_attrs_define
class Preconditions:
    """The three preconditions of collective impact, each with an assessment.

    Attributes:
        champion (PreconditionAssessment | Unset):
        financial_resources (PreconditionAssessment | Unset):
        urgency (PreconditionAssessment | Unset):
    """

    champion: PreconditionAssessment | Unset = UNSET
    financial_resources: PreconditionAssessment | Unset = UNSET
    urgency: PreconditionAssessment | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        champion: dict[str, Any] | Unset = UNSET
        if not isinstance(self.champion, Unset):
            champion = self.champion.to_dict()

        financial_resources: dict[str, Any] | Unset = UNSET
        if not isinstance(self.financial_resources, Unset):
            financial_resources = self.financial_resources.to_dict()

        urgency: dict[str, Any] | Unset = UNSET
        if not isinstance(self.urgency, Unset):
            urgency = self.urgency.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if champion is not UNSET:
            field_dict["champion"] = champion
        if financial_resources is not UNSET:
            field_dict["financial_resources"] = financial_resources
        if urgency is not UNSET:
            field_dict["urgency"] = urgency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.precondition_assessment import PreconditionAssessment  # noqa: PLC0415

        d = dict(src_dict)
        _champion = d.pop("champion", UNSET)
        champion: PreconditionAssessment | Unset
        if isinstance(_champion, Unset):
            champion = UNSET
        else:
            champion = PreconditionAssessment.from_dict(_champion)

        _financial_resources = d.pop("financial_resources", UNSET)
        financial_resources: PreconditionAssessment | Unset
        if isinstance(_financial_resources, Unset):
            financial_resources = UNSET
        else:
            financial_resources = PreconditionAssessment.from_dict(_financial_resources)

        _urgency = d.pop("urgency", UNSET)
        urgency: PreconditionAssessment | Unset
        if isinstance(_urgency, Unset):
            urgency = UNSET
        else:
            urgency = PreconditionAssessment.from_dict(_urgency)

        preconditions = cls(
            champion=champion,
            financial_resources=financial_resources,
            urgency=urgency,
        )

        return preconditions
