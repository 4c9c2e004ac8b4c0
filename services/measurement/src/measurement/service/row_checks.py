"""Checking observation rows one by one, before anything is stored: the indicator, the
period for its frequency, the cell against its dimensions, the reporting organization for
the caller, and the figures for its unit. A bad row gets its reason and never touches the
others. Pure: no database access (the indicators and schemes are loaded beforehand).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from backbone.auth.principal import InitiativeRole, Principal
from measurement.domain.cells import Scheme, cell_key
from measurement.domain.periods import FREQUENCY_KINDS, Period, PeriodError, parse_period
from measurement.models import Indicator, Initiative
from measurement.reporting import BatchRow, ObservationIn
from measurement.schemas import RATIO_UNITS, IndicatorStatus, Unit

RATIO_TOLERANCE = 1e-6


class RowError(ValueError):
    """Why one row cannot be recorded."""


class ForbiddenRowError(RowError):
    """The caller may not record this row (a permission failure, 403 for a single write)."""


@dataclass(slots=True)
class Prepared:
    """A checked row, ready to store."""

    row: int
    indicator: Indicator
    period: Period
    cell: str
    disaggregation: dict[str, str]
    disaggregation_json: str
    geography: str
    organization_id: uuid.UUID | None
    value: float | None
    numerator: float | None
    denominator: float | None
    source: str
    comment: str

    @property
    def key(self) -> tuple[Any, ...]:
        """The observation's key, in the column order of its index."""
        return (self.indicator.id, self.cell, self.period.code, self.geography,
                self.organization_id)

    def staged(self) -> tuple[Any, ...]:
        """The row as the recorder's staging table holds it."""
        period = self.period
        return (self.row, self.indicator.id, period.code, period.start, period.end, self.cell,
                self.disaggregation_json, self.geography, self.organization_id, self.value,
                self.numerator, self.denominator, self.source, self.comment)


class RowChecker:
    """Checks observation rows for one initiative on behalf of one caller."""

    def __init__(self, principal: Principal, initiative: Initiative,
                 indicators: Sequence[Indicator], schemes: dict[uuid.UUID, Scheme]) -> None:
        self.principal = principal
        self.initiative = initiative
        self.by_id = {i.id: i for i in indicators}
        self.by_code = {i.code: i for i in indicators}
        self.schemes = schemes
        self.is_staff = principal.has_role(initiative.id, InitiativeRole.BACKBONE)
        self.retired = {i.id for i in indicators if i.status == IndicatorStatus.RETIRED}
        self._periods: dict[str, Period] = {}
        self._cells: dict[tuple[Any, ...], tuple[str, str, str | None]] = {}

    def prepare(self, index: int, row: ObservationIn, indicator: Indicator | None = None
                ) -> Prepared:
        if indicator is None:
            indicator = self._indicator_of(row)
        if indicator.id in self.retired:
            raise RowError(f"indicator '{indicator.code}' is retired")
        period = self._period(row.period, indicator)
        cell, cell_json = self._cell(indicator, row.disaggregation)
        value, numerator, denominator = self._figures(row, indicator)
        return Prepared(
            row=index, indicator=indicator, period=period, cell=cell,
            disaggregation=row.disaggregation, disaggregation_json=cell_json,
            geography=row.geography, organization_id=self._organization(row),
            value=value, numerator=numerator, denominator=denominator,
            source=row.source, comment=row.comment,
        )

    def _cell(self, indicator: Indicator, disaggregation: dict[str, str]) -> tuple[str, str]:
        """The cell's key and its disaggregation as JSON, once checked against the
        indicator's scheme (remembered: a batch repeats the same few cells many times)."""
        memo = (id(indicator), *disaggregation.items())  # the instance: no attribute load
        known = self._cells.get(memo)
        if known is None:
            problem = self.schemes[indicator.id].check(disaggregation, for_new_data=True)
            known = self._cells[memo] = (cell_key(disaggregation), json.dumps(disaggregation),
                                         problem)
        if known[2]:
            raise RowError(known[2])
        return known[0], known[1]

    def _indicator_of(self, row: ObservationIn) -> Indicator:
        # type() rather than isinstance(): pydantic's metaclass makes isinstance slow, and
        # this runs for every row of a batch.
        if type(row) is not BatchRow or (row.indicator is None) == (row.indicator_id is None):
            raise RowError("name the indicator by 'indicator' (its code) or 'indicator_id'")
        found: Indicator | None = None
        if row.indicator is not None:
            found = self.by_code.get(row.indicator)
        elif row.indicator_id is not None:
            found = self.by_id.get(row.indicator_id)
        if found is None:
            raise RowError(f"no indicator '{row.indicator or row.indicator_id}' in this "
                           "initiative")
        return found

    def _period(self, code: str, indicator: Indicator) -> Period:
        period = self._periods.get(code)
        if period is None:
            try:
                period = parse_period(code, self.initiative.fiscal_year_start_month)
            except PeriodError as exc:
                raise RowError(str(exc)) from exc
            self._periods[code] = period
        if period.kind not in FREQUENCY_KINDS[indicator.frequency]:
            raise RowError(f"'{code}' is a {period.kind.value.replace('_', ' ')}, but "
                           f"'{indicator.code}' is reported {indicator.frequency}")
        return period

    def _organization(self, row: ObservationIn) -> uuid.UUID | None:
        if self.is_staff:
            return row.organization_id
        own = self.principal.org
        if own is None:
            raise ForbiddenRowError("partners report for their organization; this token names "
                               "none")
        if row.organization_id not in (None, own):
            raise ForbiddenRowError("partners may only report for their own organization")
        return own

    @staticmethod
    def _figures(row: ObservationIn, indicator: Indicator
                 ) -> tuple[float | None, float | None, float | None]:
        if indicator.unit in RATIO_UNITS:
            if row.numerator is None or row.denominator is None:
                raise RowError(f"'{indicator.code}' is a {indicator.unit}: give numerator "
                               "and denominator")
            if row.denominator <= 0:
                raise RowError("the denominator must be positive")
            if indicator.unit == Unit.PERCENT and row.numerator > row.denominator:
                raise RowError("a percent's numerator cannot exceed its denominator")
            value = row.numerator / row.denominator * indicator.rate_multiplier
            if row.value is not None and abs(row.value - value) > max(
                    abs(value) * 0.005, RATIO_TOLERANCE):
                raise RowError(f"value {row.value} does not match numerator/denominator "
                               f"({value:.4g})")
            return value, row.numerator, row.denominator
        if row.numerator is not None or row.denominator is not None:
            raise RowError(f"'{indicator.code}' is a {indicator.unit}: give a value only")
        if row.value is None:
            raise RowError("a value is required")
        if indicator.unit == Unit.COUNT and row.value < 0:
            raise RowError("a count cannot be negative")
        return row.value, None, None
