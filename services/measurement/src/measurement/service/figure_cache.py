"""Figures as served (series, progress, disparities), kept per process as JSON under
everything they are computed from, so that a dashboard's many readers of one indicator
cost a lookup each, not the computation.

The key holds the indicator's definition (``version``), its observations
(``data_version``, set anew by every transaction that changes them, small-cell decisions
included), its targets (``targets_version``), the initiative's settings (``version``: the
small-cell minimum, the fiscal year), the dimensions' options, what the caller may see
(the ``View``: review statuses and the small-cell minimum applied, which differs between
staff, partners and viewers) and the request's filters and parameters. Any change to one
of them makes a new key; entries under old ones age out of the LRU. Errors are not kept.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Any

from pydantic import BaseModel

from measurement.domain.cells import Scheme
from measurement.service.analysis import Analysis, Filters

Key = tuple[Any, ...]
_KEPT: OrderedDict[Key, bytes] = OrderedDict()
KEPT = 512
"""Figures kept per process, the most recently used; a series or a progress read of five
years by a dimension is a few tens of kilobytes."""


def _scheme(scheme: Scheme) -> Key:
    return tuple((code, tuple(sorted(options)), tuple(sorted(scheme.retired.get(code, ()))))
                 for code, options in sorted(scheme.options.items()))


def key(analysis: Analysis, filters: Filters, *request: Hashable) -> Key | None:
    """The figures' key, or None for an indicator with no data version yet (nothing was
    ever recorded, so there is little to compute)."""
    indicator = analysis.indicator
    if indicator.data_version is None:
        return None
    return (indicator.id, indicator.version, indicator.data_version, indicator.targets_version,
            analysis.initiative.version, _scheme(analysis.scheme), analysis.view,
            filters.start, filters.end, filters.geography, filters.organization_id,
            tuple(sorted(filters.where.items())), *request)


async def served(key: Key | None, compute: Callable[[], Awaitable[BaseModel]]) -> bytes:
    """The figures as JSON: kept ones under ``key``, or computed now (and kept)."""
    if key is not None and (found := _KEPT.get(key)) is not None:
        _KEPT.move_to_end(key)
        return found
    body = (await compute()).model_dump_json().encode()
    if key is not None:
        _KEPT[key] = body
        if len(_KEPT) > KEPT:
            _KEPT.popitem(last=False)
    return body
