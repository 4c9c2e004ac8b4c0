"""Series, progress, disparities and the chart of an indicator.

Annotations here are evaluated at definition time (no ``from __future__ import
annotations``) because FastAPI reads the ``filtering`` dependency's signature. The role
checks and filters are the use case's (``service.analysis_request``).
"""

import asyncio
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from backbone.contracts.measurement.entities import ObservationStatus
from backbone.http.deps import CurrentPrincipal, ReadSession
from backbone.http.problems import PROBLEM_RESPONSES
from measurement import figures
from measurement.domain.precision import exact, rounded
from measurement.service import chart, figure_cache
from measurement.service.analysis import SeriesData
from measurement.service.analysis_request import AnalysisQuery, open_analysis

router = APIRouter(prefix="/v1", tags=["analysis"], responses=PROBLEM_RESPONSES)

Where = Annotated[list[str], Query(
    max_length=10, description="Only this cell: `dimension:option`, repeatable.",
    examples=["gender:female"])]


async def filtering(
    period_from: Annotated[str | None, Query(alias="from", max_length=20,
                                             description="First period, e.g. 2022")] = None,
    period_to: Annotated[str | None, Query(alias="to", max_length=20,
                                           description="Last period, e.g. 2026Q4")] = None,
    where: Where = [],  # noqa: B006
    geography: Annotated[str | None, Query(max_length=200)] = None,
    organization_id: uuid.UUID | None = None,
    status: Annotated[list[ObservationStatus], Query(
        description="Review statuses to include (backbone staff; others see approved "
                    "data only). Default: submitted and approved.")] = [],  # noqa: B006
) -> AnalysisQuery:
    """Async, so FastAPI calls it in the event loop rather than in its thread pool."""
    return AnalysisQuery(period_from, period_to, where, geography, organization_id, status)


Filter = Annotated[AnalysisQuery, Depends(filtering)]


def _points(series: SeriesData, decimals: int) -> list[figures.SeriesPoint]:
    """The points as served: values rounded to the indicator's decimals, and beside them the
    exact numerators and denominators they are computed from."""
    return [figures.SeriesPoint(
        period=c.period, period_start=c.start, period_end=c.end,
        value=rounded(c.value, decimals),
        numerator=None if c.suppressed else exact(c.point.numerator),
        denominator=None if c.suppressed else exact(c.point.denominator),
        observations=None if c.suppressed else c.observations, suppressed=c.suppressed,
        derived=c.derived, consistency=figures.consistency(c.consistency))
        for c in series.points]


By = Annotated[str | None, Query(max_length=64, description="A dimension code: one series "
                                                            "per option.")]


@router.get("/indicators/{indicator_id}/series", response_model=figures.SeriesRead,
            operation_id="getSeries",
            summary="The indicator over time, aggregated by its rules, optionally per option")
async def get_series(indicator_id: uuid.UUID, session: ReadSession,
                     principal: CurrentPrincipal, q: Filter, by: By = None) -> Response:
    analysis, filters = await open_analysis(session, principal, indicator_id, q)

    async def compute() -> figures.SeriesRead:
        series = await analysis.series(session, filters, by)
        indicator = analysis.indicator
        return figures.SeriesRead(
            indicator_id=indicator.id, unit=indicator.unit,
            across_places=indicator.across_places,
            across_time=indicator.across_time,
            by=by, series=[figures.Series(group=s.group, points=_points(s, analysis.decimals))
                           for s in series])

    return _json(await figure_cache.served(figure_cache.key(analysis, filters, "series", by),
                                           compute))


@router.get("/indicators/{indicator_id}/progress", response_model=figures.ProgressRead,
            operation_id="getProgress",
            summary="Baseline, latest, target and status, overall and per option of `by`")
async def get_progress(indicator_id: uuid.UUID, session: ReadSession,
                       principal: CurrentPrincipal, q: Filter, by: By = None) -> Response:
    analysis, filters = await open_analysis(session, principal, indicator_id, q)
    return _json(await figure_cache.served(
        figure_cache.key(analysis, filters, "progress", by),
        lambda: analysis.progress(session, filters, by)))


@router.get("/indicators/{indicator_id}/disparities", response_model=figures.DisparitiesRead,
            operation_id="getDisparities",
            summary="Each group's gap and ratio to a reference group, and how gaps changed")
async def get_disparities(
    indicator_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal, q: Filter,
    dimension: Annotated[str, Query(max_length=64, examples=["race_ethnicity"],
                                    description="The dimension to compare across.")],
    reference: Annotated[str | None, Query(max_length=64, description="The reference option; "
                                           "default: the best-performing group.")] = None,
) -> Response:
    analysis, filters = await open_analysis(session, principal, indicator_id, q)
    compared = dimension.strip().lower()
    chosen = reference.strip().lower() if reference else None
    return _json(await figure_cache.served(
        figure_cache.key(analysis, filters, "disparities", compared, chosen),
        lambda: analysis.disparities(session, filters, compared, chosen)))


def _json(body: bytes) -> Response:
    return Response(body, media_type="application/json")


@router.get("/indicators/{indicator_id}/chart.svg", operation_id="getChart",
            response_class=Response,
            responses={200: {"content": {"image/svg+xml": {"schema": {"type": "string"}}},
                             "description": "A 'turn the curve' chart"}},
            summary="A 'turn the curve' chart: actuals, baseline, targets, trajectory and "
                    "forecast, or one line per group of `by` (SVG)")
async def get_chart(indicator_id: uuid.UUID, session: ReadSession,
                    principal: CurrentPrincipal, q: Filter, by: By = None) -> Response:
    analysis, filters = await open_analysis(session, principal, indicator_id, q)
    if by is None:
        curve = await analysis.curve(session, filters)
        svg = await asyncio.to_thread(
            chart.render, analysis.indicator, _points(curve.series, analysis.decimals),
            curve.read, curve.targets, curve.trajectory, analysis.decimals)
    else:
        series = await analysis.series(session, filters, by)
        groups = [(s.group or "", _points(s, analysis.decimals)) for s in series]
        gaps = await analysis.gaps_if_any(session, filters, by, series)
        svg = await asyncio.to_thread(chart.render_groups, analysis.indicator, by, groups,
                                      gaps)
    return Response(svg, media_type="image/svg+xml",
                    headers={"Cache-Control": "private, max-age=60"})
