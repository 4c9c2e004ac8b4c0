from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.map_connection import MapConnection
    from ..models.map_element import MapElement
    from ..models.organization_standing import OrganizationStanding


T = TypeVar("T", bound="MapRead")


@_attrs_define
class MapRead:
    """Importable into Kumu as a JSON blueprint (`elements` and `connections`).

    Attributes:
        elements (list[MapElement]):
        connections (list[MapConnection]):
        organizations (list[OrganizationStanding]):
        isolates (list[UUID]):
        depends_on_cycles (list[list[UUID]]):
    """

    elements: list[MapElement]
    connections: list[MapConnection]
    organizations: list[OrganizationStanding]
    isolates: list[UUID]
    depends_on_cycles: list[list[UUID]]

    def to_dict(self) -> dict[str, Any]:
        elements = []
        for elements_item_data in self.elements:
            elements_item = elements_item_data.to_dict()
            elements.append(elements_item)

        connections = []
        for connections_item_data in self.connections:
            connections_item = connections_item_data.to_dict()
            connections.append(connections_item)

        organizations = []
        for organizations_item_data in self.organizations:
            organizations_item = organizations_item_data.to_dict()
            organizations.append(organizations_item)

        isolates = []
        for isolates_item_data in self.isolates:
            isolates_item = str(isolates_item_data)
            isolates.append(isolates_item)

        depends_on_cycles = []
        for depends_on_cycles_item_data in self.depends_on_cycles:
            depends_on_cycles_item = []
            for depends_on_cycles_item_item_data in depends_on_cycles_item_data:
                depends_on_cycles_item_item = str(depends_on_cycles_item_item_data)
                depends_on_cycles_item.append(depends_on_cycles_item_item)

            depends_on_cycles.append(depends_on_cycles_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "elements": elements,
                "connections": connections,
                "organizations": organizations,
                "isolates": isolates,
                "depends_on_cycles": depends_on_cycles,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.map_connection import MapConnection  # noqa: PLC0415
        from ..models.map_element import MapElement  # noqa: PLC0415
        from ..models.organization_standing import OrganizationStanding  # noqa: PLC0415

        d = dict(src_dict)
        elements = []
        _elements = d.pop("elements")
        for elements_item_data in _elements:
            elements_item = MapElement.from_dict(elements_item_data)

            elements.append(elements_item)

        connections = []
        _connections = d.pop("connections")
        for connections_item_data in _connections:
            connections_item = MapConnection.from_dict(connections_item_data)

            connections.append(connections_item)

        organizations = []
        _organizations = d.pop("organizations")
        for organizations_item_data in _organizations:
            organizations_item = OrganizationStanding.from_dict(organizations_item_data)

            organizations.append(organizations_item)

        isolates = []
        _isolates = d.pop("isolates")
        for isolates_item_data in _isolates:
            isolates_item = UUID(isolates_item_data)

            isolates.append(isolates_item)

        depends_on_cycles = []
        _depends_on_cycles = d.pop("depends_on_cycles")
        for depends_on_cycles_item_data in _depends_on_cycles:
            depends_on_cycles_item = []
            _depends_on_cycles_item = depends_on_cycles_item_data
            for depends_on_cycles_item_item_data in _depends_on_cycles_item:
                depends_on_cycles_item_item = UUID(depends_on_cycles_item_item_data)

                depends_on_cycles_item.append(depends_on_cycles_item_item)

            depends_on_cycles.append(depends_on_cycles_item)

        map_read = cls(
            elements=elements,
            connections=connections,
            organizations=organizations,
            isolates=isolates,
            depends_on_cycles=depends_on_cycles,
        )

        return map_read
