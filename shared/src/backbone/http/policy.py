"""Who may call a write route, declared on its OpenAPI operation (``x-backbone-access``).

The declaration documents the route for app developers (the operation's description says
it in words) and is what the platform's security matrix checks every role against. The
checks themselves stay where they are, in the use cases (``backbone.auth.access``).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

EXTENSION = "x-backbone-access"


class Access(StrEnum):
    NETWORK_ADMIN = "network-admin"
    DIRECTORY = "directory"
    ORGANIZATION_ENTRY = "organization-entry"
    BACKBONE_STAFF = "backbone-staff"
    CONTRIBUTOR = "contributor"
    CALLER = "caller"


WHO = {
    Access.NETWORK_ADMIN: "network admins.",
    Access.DIRECTORY: "network admins and the backbone staff of any initiative.",
    Access.ORGANIZATION_ENTRY: "network admins, the backbone staff of any initiative, and a "
                               "partner of an initiative the organization takes part in, for "
                               "its own organization's entry.",
    Access.BACKBONE_STAFF: "the initiative's backbone staff and network admins.",
    Access.CONTRIBUTOR: "the initiative's backbone staff and network admins, and its "
                        "partners for their own organization's data.",
    Access.CALLER: "any caller, for their own notifications and preferences.",
}


def access(who: Access, openapi_extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """``openapi_extra`` for a route: who may call it (with any other extra given)."""
    return {**(openapi_extra or {}), EXTENSION: who.value}


def describe_access(document: dict[str, Any]) -> None:
    """Say in each declaring operation's description who may call it; callers without a
    role in the initiative get 404, as if it did not exist."""
    for item in document.get("paths", {}).values():
        for operation in item.values():
            declared = operation.get(EXTENSION)
            if declared is None:
                continue
            said = f"**Who may call:** {WHO[Access(declared)]}"
            description = operation.get("description")
            operation["description"] = f"{description}\n\n{said}" if description else said
