"""The "turn the curve" chart: actuals, baseline, targets and the trajectory, as SVG.

Its time axis is labelled with the period codes people know (``FY2023``, ``2024Q2``); its
colours are from the Okabe-Ito palette, told apart with any colour vision, and each line
also differs in marker or dash; a ``<title>`` and a ``<desc>`` say in words what it shows,
for screen readers.
"""

from __future__ import annotations

import io
from datetime import date
from xml.sax.saxutils import escape

from matplotlib.axes import Axes
from matplotlib.dates import date2num
from matplotlib.figure import Figure

from measurement import figures
from measurement.domain.progress import Mark
from measurement.models import Indicator

ACTUAL, TARGET, BASELINE = "#0072B2", "#009E73", "#666666"  # Okabe-Ito blue, green; grey
MAX_LABELS = 10


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
    _label_periods(axes, {**{p.period_end: p.period for p in shown},
                          **{t.at: t.period for t in targets}})
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
    return _described(buffer.getvalue(), title, _in_words(title, shown, progress, hidden))


def _label_periods(axes: Axes, periods: dict[date, str]) -> None:
    """Ticks at the ends of the periods shown, labelled with their codes (every k-th one
    when there are many)."""
    ends = sorted(periods)
    step = max(1, -(-len(ends) // MAX_LABELS))
    kept = ends[::step]
    axes.set_xticks(date2num(kept), [periods[e] for e in kept])


def _in_words(title: str, shown: list[figures.SeriesPoint], progress: figures.GroupProgress,
              hidden: list[str]) -> str:
    words = [f"{title}. Status: {progress.status.value.replace('_', ' ')}."]
    words += [f"{label}: {mark.value:g} in {mark.period}." for label, mark in (
        ("Latest", progress.latest), ("Target", progress.target),
        ("Baseline", progress.baseline)) if mark is not None]
    if shown:
        words.append("Actual values: " + ", ".join(f"{p.period} {p.value:g}" for p in shown)
                     + ".")
    else:
        words.append("No data to show.")
    if hidden:
        words.append(f"Suppressed to protect small groups: {', '.join(hidden)}.")
    return " ".join(words)


def _described(svg: bytes, title: str, description: str) -> bytes:
    """The document as an image with an accessible name and description."""
    text = svg.decode()
    start = text.index("<svg")
    end = text.index(">", start)
    return (text[:end] + ' role="img" aria-labelledby="chart-title chart-description">'
            f'\n <title id="chart-title">{escape(title)}</title>'
            f'\n <desc id="chart-description">{escape(description)}</desc>'
            + text[end + 1:]).encode()
