from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.progress_status import ProgressStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consistency import Consistency
    from ..models.mark import Mark


T = TypeVar("T", bound="GroupProgress")


@_attrs_define
class GroupProgress:
    """
    Attributes:
        group (None | str):
        status (ProgressStatus):
        baseline (Mark | None):
        latest (Mark | None):
        target (Mark | None):
        expected (float | None): Where the trajectory says the latest should be.
        share_of_the_way (float | None): (latest - baseline) / (target - baseline); 1.0 is there.
        suppressed (bool | Unset):  Default: False.
        consistency (Consistency | None | Unset): The latest figure's, as in the series.
    """

    group: None | str
    status: ProgressStatus
    baseline: Mark | None
    latest: Mark | None
    target: Mark | None
    expected: float | None
    share_of_the_way: float | None
    suppressed: bool | Unset = False
    consistency: Consistency | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.consistency import Consistency  # noqa: PLC0415
        from ..models.mark import Mark  # noqa: PLC0415

        group: None | str
        group = self.group

        status = self.status.value

        baseline: dict[str, Any] | None
        if isinstance(self.baseline, Mark):
            baseline = self.baseline.to_dict()
        else:
            baseline = self.baseline

        latest: dict[str, Any] | None
        if isinstance(self.latest, Mark):
            latest = self.latest.to_dict()
        else:
            latest = self.latest

        target: dict[str, Any] | None
        if isinstance(self.target, Mark):
            target = self.target.to_dict()
        else:
            target = self.target

        expected: float | None
        expected = self.expected

        share_of_the_way: float | None
        share_of_the_way = self.share_of_the_way

        suppressed = self.suppressed

        consistency: dict[str, Any] | None | Unset
        if isinstance(self.consistency, Unset):
            consistency = UNSET
        elif isinstance(self.consistency, Consistency):
            consistency = self.consistency.to_dict()
        else:
            consistency = self.consistency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "group": group,
                "status": status,
                "baseline": baseline,
                "latest": latest,
                "target": target,
                "expected": expected,
                "share_of_the_way": share_of_the_way,
            }
        )
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed
        if consistency is not UNSET:
            field_dict["consistency"] = consistency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consistency import Consistency  # noqa: PLC0415
        from ..models.mark import Mark  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_group(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        group = _parse_group(d.pop("group"))

        status = ProgressStatus(d.pop("status"))

        def _parse_baseline(data: object) -> Mark | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                baseline_type_0 = Mark.from_dict(data)

                return baseline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Mark | None, data)

        baseline = _parse_baseline(d.pop("baseline"))

        def _parse_latest(data: object) -> Mark | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                latest_type_0 = Mark.from_dict(data)

                return latest_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Mark | None, data)

        latest = _parse_latest(d.pop("latest"))

        def _parse_target(data: object) -> Mark | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                target_type_0 = Mark.from_dict(data)

                return target_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Mark | None, data)

        target = _parse_target(d.pop("target"))

        def _parse_expected(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        expected = _parse_expected(d.pop("expected"))

        def _parse_share_of_the_way(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        share_of_the_way = _parse_share_of_the_way(d.pop("share_of_the_way"))

        suppressed = d.pop("suppressed", UNSET)

        def _parse_consistency(data: object) -> Consistency | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                consistency_type_0 = Consistency.from_dict(data)

                return consistency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Consistency | None | Unset, data)

        consistency = _parse_consistency(d.pop("consistency", UNSET))

        group_progress = cls(
            group=group,
            status=status,
            baseline=baseline,
            latest=latest,
            target=target,
            expected=expected,
            share_of_the_way=share_of_the_way,
            suppressed=suppressed,
            consistency=consistency,
        )

        group_progress.additional_properties = d
        return group_progress

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
