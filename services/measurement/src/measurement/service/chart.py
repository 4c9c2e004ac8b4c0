"""The "turn the curve" chart: actuals, baseline, targets and the trajectory, as SVG."""

from __future__ import annotations

import io

from matplotlib.dates import DateFormatter, date2num
from matplotlib.figure import Figure

from measurement import figures
from measurement.domain.progress import Mark
from measurement.models import Indicator

ACTUAL, TARGET, BASELINE = "#1f5fa6", "#2e8b57", "#888888"


def render(indicator: Indicator, points: list[figures.SeriesPoint],
           progress: figures.GroupProgress, targets: list[Mark],
           trajectory: list[Mark]) -> bytes:
    """An SVG document; suppressed points are left out of the line and listed in a note."""
    figure = Figure(figsize=(8, 4.5), layout="constrained")
    axes = figure.add_subplot()
    shown = [p for p in points if p.value is not None]
    if shown:
        axes.plot(date2num([p.period_end for p in shown]), [p.value or 0.0 for p in shown],
                  marker="o", color=ACTUAL, label="Actual")
    if progress.baseline is not None:
        axes.axhline(progress.baseline.value, color=BASELINE, linestyle=":",
                     label=f"Baseline ({progress.baseline.period})")
    if targets:
        axes.scatter(date2num([t.at for t in targets]), [t.value for t in targets],
                     marker="*", s=140, color=TARGET, label="Target", zorder=3)
    if len(trajectory) >= 2:
        axes.plot(date2num([m.at for m in trajectory]), [m.value for m in trajectory],
                  linestyle="--", color=TARGET, label="Trajectory")
    hidden = [p.period for p in points if p.suppressed]
    title = f"{indicator.name} ({indicator.unit})"
    axes.set_title(title, loc="left", fontsize=11)
    axes.xaxis.set_major_formatter(DateFormatter("%Y-%m"))
    axes.grid(alpha=0.3)
    if axes.get_legend_handles_labels()[0]:
        axes.legend(loc="best", fontsize=8)
    status = progress.status.value.replace("_", " ")
    note = f"Status: {status}"
    if hidden:
        note += f" · suppressed to protect small groups: {', '.join(hidden)}"
    if not shown:
        note += " · no data to show"
    figure.supxlabel(note, fontsize=8, color="#444444")  # below the axes, laid out with them
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()
