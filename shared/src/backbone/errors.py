"""Domain errors: what use cases raise when a request cannot be done, free of HTTP.

The HTTP edge maps each class to its status and a problem response, keeping ``kind`` as
the problem's stable type (``urn:backbone:problem:<kind>``); ``errors`` point at the
offending input (``loc``, ``msg``, ``type``), as in validation problems.
"""

from __future__ import annotations

from typing import Any, ClassVar


class DomainError(Exception):
    default_kind: ClassVar[str] = "error"

    def __init__(self, detail: str, *, kind: str | None = None,
                 errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.kind = kind or self.default_kind
        self.errors = errors


class NotFound(DomainError):  # noqa: N818 - named for what it says, like the others
    """The object does not exist, or belongs to another tenant (never told apart)."""

    default_kind = "not-found"

    @classmethod
    def of(cls, what: str, hint: str = "") -> NotFound:
        return cls(f"{what} not found" + (f". {hint}" if hint else ""))


class Forbidden(DomainError):  # noqa: N818
    """The caller may see the object but not do this."""

    default_kind = "forbidden"


class Conflict(DomainError):  # noqa: N818
    """The change conflicts with the current state."""

    default_kind = "conflict"


class Invalid(DomainError):  # noqa: N818
    """The input is well-formed but not acceptable (unknown references, bad periods...)."""

    default_kind = "validation-failed"


class PreconditionFailed(DomainError):  # noqa: N818
    """The object changed since the caller read it (a stale ``If-Match``)."""

    default_kind = "precondition-failed"


class Unavailable(DomainError):  # noqa: N818
    """Something the request needs (the broker, another system) cannot be reached now; the
    same request may succeed later."""

    default_kind = "unavailable"
