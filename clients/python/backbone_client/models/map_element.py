from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MapElement")


@_attrs_define
class MapElement:
    """A Kumu element: ``type`` is Organization, Activity, Strategy, Goal or Indicator.

    Attributes:
        id (str):
        label (str):
        type_ (str):
        description (str | Unset):  Default: ''.
        tags (list[str] | Unset):
        status (None | str | Unset):
        degree (int | None | Unset):
        betweenness (float | None | Unset):
        isolate (bool | None | Unset):
    """

    id: str
    label: str
    type_: str
    description: str | Unset = ""
    tags: list[str] | Unset = UNSET
    status: None | str | Unset = UNSET
    degree: int | None | Unset = UNSET
    betweenness: float | None | Unset = UNSET
    isolate: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        label = self.label

        type_ = self.type_

        description = self.description

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        degree: int | None | Unset
        if isinstance(self.degree, Unset):
            degree = UNSET
        else:
            degree = self.degree

        betweenness: float | None | Unset
        if isinstance(self.betweenness, Unset):
            betweenness = UNSET
        else:
            betweenness = self.betweenness

        isolate: bool | None | Unset
        if isinstance(self.isolate, Unset):
            isolate = UNSET
        else:
            isolate = self.isolate

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "label": label,
                "type": type_,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if tags is not UNSET:
            field_dict["tags"] = tags
        if status is not UNSET:
            field_dict["status"] = status
        if degree is not UNSET:
            field_dict["degree"] = degree
        if betweenness is not UNSET:
            field_dict["betweenness"] = betweenness
        if isolate is not UNSET:
            field_dict["isolate"] = isolate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        label = d.pop("label")

        type_ = d.pop("type")

        description = d.pop("description", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_degree(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        degree = _parse_degree(d.pop("degree", UNSET))

        def _parse_betweenness(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        betweenness = _parse_betweenness(d.pop("betweenness", UNSET))

        def _parse_isolate(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        isolate = _parse_isolate(d.pop("isolate", UNSET))

        map_element = cls(
            id=id,
            label=label,
            type_=type_,
            description=description,
            tags=tags,
            status=status,
            degree=degree,
            betweenness=betweenness,
            isolate=isolate,
        )

        return map_element
