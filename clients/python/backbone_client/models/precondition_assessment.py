from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.readiness import Readiness
from ..types import UNSET, Unset

T = TypeVar("T", bound="PreconditionAssessment")


@_attrs_define
class PreconditionAssessment:
    """
    Attributes:
        status (Readiness | Unset):
        assessment (str | Unset):  Default: ''.
    """

    status: Readiness | Unset = UNSET
    assessment: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        assessment = self.assessment

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if assessment is not UNSET:
            field_dict["assessment"] = assessment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _status = d.pop("status", UNSET)
        status: Readiness | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = Readiness(_status)

        assessment = d.pop("assessment", UNSET)

        precondition_assessment = cls(
            status=status,
            assessment=assessment,
        )

        return precondition_assessment
