"""The authenticated caller and what its role grants allow."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import IntEnum


class InitiativeRole(IntEnum):
    """Roles in one initiative, ordered by what they may do."""

    VIEWER = 1
    PARTNER = 2
    BACKBONE = 3


NETWORK_ADMIN = "network:admin"


@dataclass(frozen=True)
class Principal:
    """Who is calling: ``sub`` in ``tenant``, acting for organization ``org``.

    Grants: ``network:admin`` or ``initiative:<id>:backbone|partner|viewer``.
    """

    sub: str
    tenant: str
    org: uuid.UUID | None = None
    grants: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_network_admin(self) -> bool:
        return NETWORK_ADMIN in self.grants

    def role_in(self, initiative_id: uuid.UUID) -> InitiativeRole | None:
        """The strongest role granted in the initiative (network admins act as backbone)."""
        if self.is_network_admin:
            return InitiativeRole.BACKBONE
        best: InitiativeRole | None = None
        for grant in self.grants:
            parts = grant.split(":")
            if len(parts) != 3 or parts[0] != "initiative" or parts[1] != str(initiative_id):
                continue
            role = InitiativeRole.__members__.get(parts[2].upper())
            if role is not None and (best is None or role > best):
                best = role
        return best

    def has_role(self, initiative_id: uuid.UUID, at_least: InitiativeRole) -> bool:
        role = self.role_in(initiative_id)
        return role is not None and role >= at_least

    def initiative_ids(self) -> set[uuid.UUID]:
        """Initiatives named in grants (meaningless for network admins, who see all)."""
        ids: set[uuid.UUID] = set()
        for grant in self.grants:
            parts = grant.split(":")
            if len(parts) == 3 and parts[0] == "initiative":
                try:
                    ids.add(uuid.UUID(parts[1]))
                except ValueError:
                    continue
        return ids
