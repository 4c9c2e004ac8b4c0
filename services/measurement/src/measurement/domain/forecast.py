"""Where the line heads if nothing changes: the forecast of a "turn the curve" chart.

Results-Based Accountability's chart shows the baseline's forecast beside the actuals. Here
it is a straight line fitted by least squares to the last ``WINDOW`` actual values (at least
``MINIMUM``), against the period's end date, drawn from the latest period to the last
target (or ``STEPS`` periods on when no target lies ahead). A straight line, because a few
periods of a social indicator support no more; it says where the trend leads, not what
will happen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import linear_regression

WINDOW = 5
MINIMUM = 3
STEPS = 3


@dataclass(frozen=True, slots=True)
class Forecast:
    method: str
    points: list[tuple[date, float]]

    @property
    def end(self) -> tuple[date, float]:
        return self.points[-1]


def forecast(actuals: Sequence[tuple[date, float]], targets: Sequence[date]
             ) -> Forecast | None:
    """The trend line of the last actual values, or None with too few of them."""
    recent = sorted(actuals)[-WINDOW:]
    if len(recent) < MINIMUM or len({at for at, _ in recent}) < len(recent):
        return None
    slope, intercept = linear_regression([at.toordinal() for at, _ in recent],
                                         [value for _, value in recent])
    last = recent[-1][0]
    ahead = [t for t in targets if t > last]
    step = (last - recent[0][0]) / (len(recent) - 1)
    horizon = max(ahead) if ahead else last + timedelta(days=step.days * STEPS)

    def line(at: date) -> float:
        return slope * at.toordinal() + intercept

    return Forecast(f"least squares over the last {len(recent)} periods",
                    [(last, line(last)), (horizon, line(horizon))])
