from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.event_type_info_json_schema import EventTypeInfoJsonSchema


T = TypeVar("T", bound="EventTypeInfo")


@_attrs_define
class EventTypeInfo:
    """
    Attributes:
        type_ (str):
        version (int):
        description (str):
        source (str):
        topic (str):
        dataschema (str):
        json_schema (EventTypeInfoJsonSchema):
    """

    type_: str
    version: int
    description: str
    source: str
    topic: str
    dataschema: str
    json_schema: EventTypeInfoJsonSchema
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        version = self.version

        description = self.description

        source = self.source

        topic = self.topic

        dataschema = self.dataschema

        json_schema = self.json_schema.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "version": version,
                "description": description,
                "source": source,
                "topic": topic,
                "dataschema": dataschema,
                "json_schema": json_schema,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_type_info_json_schema import EventTypeInfoJsonSchema  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        version = d.pop("version")

        description = d.pop("description")

        source = d.pop("source")

        topic = d.pop("topic")

        dataschema = d.pop("dataschema")

        json_schema = EventTypeInfoJsonSchema.from_dict(d.pop("json_schema"))

        event_type_info = cls(
            type_=type_,
            version=version,
            description=description,
            source=source,
            topic=topic,
            dataschema=dataschema,
            json_schema=json_schema,
        )

        event_type_info.additional_properties = d
        return event_type_info

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
