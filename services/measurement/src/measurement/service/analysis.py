"""Series, progress and disparities computed from stored observations.

Observations matching the request's cells are combined across places and organizations
(the indicator's ``across_places`` rule), then over time (``across_time``), then cut to
the requested period range, so cumulative totals always count from the first period.
Callers below backbone staff see approved data only, with small cells suppressed.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from backbone.auth.principal import InitiativeRole, Principal
from backbone.contracts.measurement.entities import ObservationStatus
from backbone.errors import Invalid
from measurement import figures
from measurement.domain import disparities, progress
from measurement.domain.aggregation import (
    AcrossPlaces,
    AcrossTime,
    Point,
    accumulate,
    combine,
)
from measurement.domain.cells import Scheme, cell_key
from measurement.domain.derivation import Difference, additive, differences
from measurement.domain.disclosure import Node
from measurement.domain.periods import parse_period
from measurement.domain.precision import PROPORTION_DECIMALS, decimals_of, rounded
from measurement.domain.progress import Direction, Mark
from measurement.models import Indicator, Initiative, Target
from measurement.schemas import RATIO_UNITS
from measurement.service import disclosure, series_query

ALL_VISIBLE = (ObservationStatus.SUBMITTED, ObservationStatus.APPROVED)


@dataclass(frozen=True)
class View:
    """What the caller may see: which review statuses, and the small-cell minimum (if any)."""

    statuses: tuple[ObservationStatus, ...]
    suppress_below: int | None

    @classmethod
    def for_caller(cls, principal: Principal, initiative: Initiative,
                   statuses: Sequence[ObservationStatus] | None = None,
                   organization_id: uuid.UUID | None = None) -> View:
        """Staff see what they ask for; others approved data, with small cells protected
        unless it is all their own organization's."""
        if principal.has_role(initiative.id, InitiativeRole.BACKBONE):
            return cls(tuple(statuses or ALL_VISIBLE), None)
        own = organization_id is not None and organization_id == principal.org
        return cls((ObservationStatus.APPROVED,),
                   None if own else initiative.min_cell_size)


@dataclass(frozen=True)
class Filters:
    start: date | None = None
    end: date | None = None
    geography: str | None = None
    organization_id: uuid.UUID | None = None
    where: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Cell:
    """One point of a series."""

    period: str
    start: date
    end: date
    point: Point
    observations: int
    suppressed: bool = False
    derived: bool = False
    consistency: list[Difference] = field(default_factory=list)

    @property
    def value(self) -> float | None:
        return None if self.suppressed else self.point.value


@dataclass
class SeriesData:
    group: str | None
    cell: str
    points: list[Cell]


@dataclass
class Curve:
    """A series judged against its targets: the progress, and the lines to draw it with."""

    series: SeriesData
    targets: list[Mark]
    trajectory: list[Mark]
    read: figures.GroupProgress


class Analysis:
    """The figures of one indicator as one caller may see them."""

    def __init__(self, indicator: Indicator, initiative: Initiative, scheme: Scheme,
                 view: View) -> None:
        self.indicator = indicator
        self.initiative = initiative
        self.scheme = scheme
        self.view = view
        self.multiplier = indicator.rate_multiplier
        self.decimals = decimals_of(indicator.decimals, indicator.unit)
        self.additive = additive(indicator.unit in RATIO_UNITS,
                                 AcrossPlaces(indicator.across_places))

    def check_cells(self, filters: Filters, by: str | None) -> None:
        problem = self.scheme.check(filters.where, for_new_data=False)
        if by is not None and by not in self.scheme.options:
            problem = f"'{by}' is not a dimension of this indicator"
        elif by is not None and by in filters.where:
            problem = f"'{by}' cannot be both filtered on and broken down by"
        if problem:
            raise Invalid(problem, kind="invalid-filter")

    async def series(self, session: AsyncSession, filters: Filters,
                     by: str | None = None) -> list[SeriesData]:
        self.check_cells(filters, by)
        wanted = ({None: dict(filters.where)} if by is None else
                  {o: {**filters.where, by: o} for o in self.scheme.all_options(by)})
        cells = {group: cell_key(pairs) for group, pairs in wanted.items()}
        summaries = await series_query.summaries(
            session, self.indicator.id, self.indicator.data_version,
            {cells[g]: pairs for g, pairs in wanted.items()},
            [s.value for s in self.view.statuses],
            latest=self.indicator.across_places == AcrossPlaces.LATEST,
            geography=filters.geography, organization_id=filters.organization_id)
        periods = {p: (s.start, s.end) for (_, p), s in summaries.items()}
        ordered = sorted(periods, key=lambda p: (periods[p][1], periods[p][0]))
        hidden = (await disclosure.decisions(session, self.indicator.id)
                  if self.view.suppress_below is not None else None)
        out = []
        across_places = AcrossPlaces(self.indicator.across_places)
        across_time = AcrossTime(self.indicator.across_time)
        for group, cell in cells.items():
            present = [p for p in ordered if (cell, p) in summaries]
            made = [summaries[(cell, p)] for p in present]
            combined = [combine(m.reports, across_places, self.multiplier) for m in made]
            running = accumulate(combined, across_time, self.multiplier)
            shown = self._hidden(cell, filters, present, hidden)
            points = [Cell(p, m.start, m.end, point, m.reports.count, suppressed, m.derived,
                           self._differences(m.check))
                      for p, m, point, suppressed in zip(present, made, running, shown,
                                                         strict=True)
                      if (filters.start is None or m.end >= filters.start)
                      and (filters.end is None or m.start <= filters.end)]
            out.append(SeriesData(group, cell, points))
        return out

    def _differences(self, check: series_query.Check) -> list[Difference]:
        """Where a reported figure and the sum of its breakdown disagree, for callers who
        see every figure (to others, the breakdown's sum could give a hidden cell away)."""
        if self.view.suppress_below is not None:
            return []
        return differences(check.reported, check.derived, self.additive)

    def _hidden(self, cell: str, filters: Filters, periods: Sequence[str],
                decisions: disclosure.Decisions | None) -> list[bool]:
        """Per period, whether the cell's point is hidden, by the periods' decisions.

        A running total is hidden from its first hidden increment on: otherwise two shown
        totals would give the hidden increment away. A period without a decision (its
        approved data not decided yet) is hidden whole.
        """
        if decisions is None:
            return [False] * len(periods)
        organization = (str(filters.organization_id) if filters.organization_id is not None
                        else None)
        node = Node(cell, filters.geography, organization)
        cumulative = self.indicator.across_time == AcrossTime.CUMULATIVE
        out: list[bool] = []
        for period in periods:
            hidden = period not in decisions or node in decisions[period]
            out.append(hidden or (cumulative and bool(out) and out[-1]))
        return out

    # --- progress ---------------------------------------------------------------------------

    async def progress(self, session: AsyncSession, filters: Filters, by: str | None
                       ) -> figures.ProgressRead:
        targets = await self._targets(session, filters)
        overall = (await self.series(session, filters))[0]
        groups = await self.series(session, filters, by) if by else []
        return figures.ProgressRead(
            indicator_id=self.indicator.id, direction=Direction(self.indicator.direction),
            overall=self._assess(overall, targets, is_overall=not filters.where).read, by=by,
            groups=[self._assess(s, targets, is_overall=False).read for s in groups])

    async def curve(self, session: AsyncSession, filters: Filters) -> Curve:
        """What a "turn the curve" chart shows, from one series and one read of targets."""
        [series] = await self.series(session, filters)
        targets = await self._targets(session, filters)
        return self._assess(series, targets, is_overall=not filters.where)

    async def _targets(self, session: AsyncSession, filters: Filters) -> list[Target]:
        """Targets for all, or for the reporting organization filtered on."""
        for_all = filters.organization_id is None
        return list((await session.execute(_TARGETS[for_all], {
            "indicator_id": self.indicator.id,
            "organization_id": filters.organization_id})).scalars())

    def _assess(self, series: SeriesData, targets: Sequence[Target], *, is_overall: bool
                ) -> Curve:
        """A series against its own targets, or the overall ones if it has none."""
        own = [t for t in targets if t.cell == series.cell] or [t for t in targets
                                                                if t.cell == ""]
        marks = [Mark(t.period_end, t.value, t.period) for t in own]
        shown = [c for c in series.points if c.point.value is not None]
        latest_cell = shown[-1] if shown else None
        if latest_cell is not None and latest_cell.suppressed:
            return Curve(series, marks, [], figures.GroupProgress(
                group=series.group, status=progress.ProgressStatus.NO_DATA, baseline=None,
                latest=None, target=None, expected=None, share_of_the_way=None,
                suppressed=True))
        baseline = self._baseline(shown, is_overall)
        latest = (Mark(latest_cell.end, latest_cell.point.value, latest_cell.period)
                  if latest_cell is not None and latest_cell.point.value is not None else None)
        result = progress.assess(baseline, marks, latest, Direction(self.indicator.direction))
        derived = {c.period for c in shown if c.derived}
        if baseline is not None and self.indicator.baseline_value is not None and is_overall:
            derived.discard(baseline.period)  # declared with the indicator
        return Curve(series, marks, progress.trajectory(baseline, marks), figures.GroupProgress(
            group=series.group, status=result.status,
            baseline=self._mark(result.baseline, derived), latest=self._mark(result.latest,
                                                                           derived),
            target=self._mark(result.target, set()),
            expected=rounded(result.expected, self.decimals),
            share_of_the_way=rounded(result.share_of_the_way, PROPORTION_DECIMALS),
            consistency=figures.consistency(latest_cell.consistency) if latest_cell else None))

    def _mark(self, mark: Mark | None, derived: set[str]) -> figures.Mark | None:
        if mark is None:
            return None
        return figures.Mark(period=mark.period, value=rounded(mark.value, self.decimals),
                            derived=mark.period in derived)

    def _baseline(self, shown: Sequence[Cell], is_overall: bool) -> Mark | None:
        wanted = self.indicator.baseline_period
        cell = next((c for c in shown if c.period == wanted), None) if wanted else (
            shown[0] if shown else None)
        if is_overall and self.indicator.baseline_value is not None and wanted:
            at = parse_period(wanted, self.initiative.fiscal_year_start_month).end
            return Mark(at, self.indicator.baseline_value, wanted)
        if cell is None or cell.suppressed or cell.point.value is None:
            return None
        return Mark(cell.end, cell.point.value, cell.period)

    # --- disparities ------------------------------------------------------------------------

    async def disparities(self, session: AsyncSession, filters: Filters, dimension: str,
                          reference: str | None, series: list[SeriesData] | None = None
                          ) -> figures.DisparitiesRead:
        """``series``: the series by ``dimension``, if the caller has read them already."""
        if reference is not None and reference not in self.scheme.all_options(dimension):
            raise Invalid(f"'{reference}' is not an option of '{dimension}'",
                          kind="invalid-filter")
        if series is None:
            series = await self.series(session, filters, dimension)
        table: dict[str, dict[str, Cell]] = defaultdict(dict)
        when: dict[str, date] = {}
        for s in series:
            for c in s.points:
                table[c.period][s.group or ""] = c
                when[c.period] = c.end
        usable = [p for p in sorted(table, key=when.__getitem__)
                  if len([c for c in table[p].values() if c.value is not None]) >= 2]
        if not usable:
            raise Invalid("No period has figures for two or more groups to compare.",
                          kind="no-comparable-data")
        latest_values = {g: c.value for g, c in table[usable[-1]].items() if c.value is not None}
        rule = "chosen" if reference else "best"
        ref = reference or disparities.best_group(latest_values,
                                                  Direction(self.indicator.direction))
        over_time = [self._period_gaps(p, table[p], ref) for p in usable]
        trends = [t.model_copy(update={"first_gap": rounded(t.first_gap, self.decimals),
                                       "last_gap": rounded(t.last_gap, self.decimals)})
                  for t in _trends(over_time, ref)]  # judged on the exact gaps
        shown = [self._shown_gaps(p) for p in over_time]
        return figures.DisparitiesRead(
            indicator_id=self.indicator.id, dimension=dimension, reference_group=ref,
            reference_rule=rule, latest=shown[-1], over_time=shown, trends=trends)

    async def gaps_if_any(self, session: AsyncSession, filters: Filters, dimension: str,
                          series: list[SeriesData] | None = None
                          ) -> figures.DisparitiesRead | None:
        """The disparities against the best-performing group, or None when no period has
        two groups to compare."""
        try:
            return await self.disparities(session, filters, dimension, None, series)
        except Invalid as exc:
            if exc.kind != "no-comparable-data":
                raise
            return None

    def _shown_gaps(self, gaps: figures.PeriodGaps) -> figures.PeriodGaps:
        return gaps.model_copy(update={
            "reference_value": rounded(gaps.reference_value, self.decimals),
            "groups": [g.model_copy(update={"value": rounded(g.value, self.decimals),
                                            "gap": rounded(g.gap, self.decimals),
                                            "ratio": rounded(g.ratio, PROPORTION_DECIMALS)})
                       for g in gaps.groups]})

    @staticmethod
    def _period_gaps(period: str, cells: dict[str, Cell], ref: str) -> figures.PeriodGaps:
        ref_value = cells[ref].value if ref in cells else None
        groups = []
        for group, cell in sorted(cells.items()):
            value = cell.value
            if value is None or ref_value is None:
                groups.append(figures.GroupGap(group=group, value=value, gap=None, ratio=None,
                                               suppressed=cell.suppressed,
                                               derived=cell.derived))
                continue
            gap = disparities.compare(group, value, ref_value)
            groups.append(figures.GroupGap(group=group, value=value, gap=gap.gap,
                                           ratio=gap.ratio, derived=cell.derived))
        return figures.PeriodGaps(period=period, reference_value=ref_value, groups=groups)


_TARGETS = {
    for_all: select(Target).where(
        Target.indicator_id == bindparam("indicator_id"),
        Target.organization_id.is_(None) if for_all
        else Target.organization_id == bindparam("organization_id"))
    for for_all in (True, False)
}


def _trends(over_time: Sequence[figures.PeriodGaps], ref: str) -> list[figures.GapTrend]:
    seen: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for period in over_time:
        for g in period.groups:
            if g.group != ref and g.gap is not None:
                seen[g.group].append((period.period, g.gap))
    return [figures.GapTrend(group=group, first_period=gaps[0][0], last_period=gaps[-1][0],
                             first_gap=gaps[0][1], last_gap=gaps[-1][1],
                             trend=disparities.trend(gaps[0][1], gaps[-1][1]))
            for group, gaps in sorted(seen.items())]

