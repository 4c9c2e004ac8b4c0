"""Unknown query parameters are an error (a typo like ``update_since`` must not be ignored)."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, Request

from backbone.http.problems import ProblemError

_allowed: dict[int, frozenset[str]] = {}


def _query_names(dependant: Any) -> set[str]:
    """Query parameters of a route's dependant and all its sub-dependencies."""
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def check_query_parameters(request: Request) -> None:
    """422 if the query names a parameter the request's route does not take. The caller's
    dependency (``backbone.http.deps.BearerPrincipal``) runs it on every route that has a
    caller, and ``reject_unknown_query_parameters`` on the others."""
    if not request.scope["query_string"]:
        return
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    allowed = _allowed.get(id(route))
    if allowed is None:
        allowed = _allowed[id(route)] = frozenset(_query_names(dependant))
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        raise ProblemError(
            422, f"Unknown query parameter(s): {', '.join(unknown)}.", kind="validation-failed",
            errors=[{"loc": ["query", name], "msg": "unknown parameter", "type": "extra_forbidden"}
                    for name in unknown],
        )


async def reject_unknown_query_parameters(request: Request) -> None:
    """The check as a dependency, for the routes that have no caller (health, catalogue)."""
    check_query_parameters(request)


CALLERLESS_ROUTE = (Depends(reject_unknown_query_parameters),)
"""The dependencies of a route (or router) with no caller: its query checked on its own."""
