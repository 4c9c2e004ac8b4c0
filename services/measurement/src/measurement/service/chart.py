"""The "turn the curve" chart: actuals, baseline, targets, the trajectory and the forecast
(``measurement.domain.forecast``), or one line per group of a dimension with the widest
gap drawn, as SVG.

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
from measurement.domain.forecast import forecast
from measurement.domain.precision import rounded
from measurement.domain.progress import Mark
from measurement.models import Indicator

ACTUAL, TARGET, BASELINE, FORECAST = "#0072B2", "#009E73", "#666666", "#D55E00"
"""Okabe-Ito blue, bluish green and vermillion; grey."""
GROUPS = ("#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#D55E00", "#000000",
          "#F0E442")
"""Okabe-Ito, one colour per group (with a marker each, so no colour has to be seen)."""
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
MAX_LABELS = 10


def render(indicator: Indicator, points: list[figures.SeriesPoint],
           progress: figures.GroupProgress, targets: list[Mark],
           trajectory: list[Mark], decimals: int) -> bytes:
    """The overall chart; suppressed points are left out of the line and listed in a
    note."""
    figure, axes = _canvas()
    shown = [p for p in points if p.value is not None]
    if shown:
        _line(axes, shown, "Actual", "actual", color=ACTUAL, marker="o")
    if progress.baseline is not None:
        axes.axhline(progress.baseline.value, color=BASELINE, linestyle=":",
                     label=f"Baseline ({progress.baseline.period})", gid="baseline")
    if targets:
        axes.scatter(date2num([t.at for t in targets]), [t.value for t in targets],
                     marker="*", s=140, color=TARGET, label="Target", zorder=3, gid="targets")
    if len(trajectory) >= 2:
        axes.plot(date2num([m.at for m in trajectory]), [m.value for m in trajectory],
                  linestyle="--", color=TARGET, label="Trajectory", gid="trajectory")
    ahead = forecast([(p.period_end, p.value or 0.0) for p in shown], [t.at for t in targets])
    if ahead is not None:
        axes.plot(date2num([at for at, _ in ahead.points]), [v for _, v in ahead.points],
                  linestyle=(0, (1, 2)), linewidth=2, color=FORECAST,
                  label=f"Forecast ({ahead.method})", gid="forecast")
    hidden = [p.period for p in points if p.suppressed]
    title = f"{indicator.name} ({indicator.unit})"
    periods = {**{p.period_end: p.period for p in shown}, **{t.at: t.period for t in targets}}
    words = _in_words(title, shown, progress, hidden)
    if ahead is not None:
        at, value = ahead.end
        words += (f" Forecast ({ahead.method}, marked as a forecast): "
                  f"{rounded(value, decimals):g} by {periods.get(at, at.isoformat())}.")
    note = f"Status: {progress.status.value.replace('_', ' ')}"
    return _finish(figure, axes, title, periods, _noted(note, hidden, bool(shown)), words)


def render_groups(indicator: Indicator, dimension: str,
                  groups: list[tuple[str, list[figures.SeriesPoint]]],
                  gaps: figures.DisparitiesRead | None) -> bytes:
    """One line per group of a dimension, and the widest gap of the latest comparable
    period drawn between the group and the reference group."""
    figure, axes = _canvas()
    title = f"{indicator.name} ({indicator.unit}) by {dimension}"
    words = [f"{title}."]
    periods: dict[date, str] = {}
    hidden: set[str] = set()
    for number, (group, points) in enumerate(groups):
        shown = [p for p in points if p.value is not None]
        hidden |= {f"{group} {p.period}" for p in points if p.suppressed}
        periods |= {p.period_end: p.period for p in shown}
        words.append(f"{group}: " + (", ".join(f"{p.period} {p.value:g}" for p in shown)
                                     if shown else "no data to show") + ".")
        if shown:
            _line(axes, shown, group, f"group-{group}", color=GROUPS[number % len(GROUPS)],
                  marker=MARKERS[number % len(MARKERS)])
    widest = _widest(gaps)
    if gaps is not None and widest is not None:
        group, value, gap, reference = widest
        x = date2num(next(p.period_end for _, points in groups for p in points
                          if p.period == gaps.latest.period))
        arrow = axes.annotate("", xy=(x, value), xytext=(x, reference),
                              arrowprops={"arrowstyle": "<->", "color": BASELINE})
        if arrow.arrow_patch is not None:
            arrow.arrow_patch.set_gid("gap")
        axes.annotate(f" gap {gap:+g}", (x, (value + reference) / 2), fontsize=8,
                      color="#444444")
        words.append(f"Widest gap in {gaps.latest.period}: {group} {gap:+g} against "
                     f"{gaps.reference_group} ({gaps.reference_rule} reference group).")
    if hidden:
        words.append(f"Suppressed to protect small groups: {', '.join(sorted(hidden))}.")
    note = _noted(f"By {dimension}", sorted(hidden), bool(periods))
    return _finish(figure, axes, title, periods, note, " ".join(words))


def _widest(gaps: figures.DisparitiesRead | None
            ) -> tuple[str, float, float, float] | None:
    """The group furthest from the reference group in the latest comparable period: its
    name, value, gap and the reference value."""
    if gaps is None or gaps.latest.reference_value is None:
        return None
    compared = [(g.group, g.value, g.gap, gaps.latest.reference_value)
                for g in gaps.latest.groups if g.group != gaps.reference_group
                and g.value is not None and g.gap is not None]
    return max(compared, key=lambda g: abs(g[2]), default=None)


def _canvas() -> tuple[Figure, Axes]:
    figure = Figure(figsize=(8, 4.5), layout="constrained")
    return figure, figure.add_subplot()


def _line(axes: Axes, shown: list[figures.SeriesPoint], label: str, gid: str, *, color: str,
          marker: str) -> None:
    axes.plot(date2num([p.period_end for p in shown]), [p.value or 0.0 for p in shown],
              marker=marker, color=color, label=label, gid=gid)


def _noted(note: str, hidden: list[str], anything: bool) -> str:
    if hidden:
        note += f" · suppressed to protect small groups: {', '.join(hidden)}"
    if not anything:
        note += " · no data to show"
    return note


def _finish(figure: Figure, axes: Axes, title: str, periods: dict[date, str], note: str,
            words: str) -> bytes:
    axes.set_title(title, loc="left", fontsize=11)
    _label_periods(axes, periods)
    axes.grid(alpha=0.3)
    if axes.get_legend_handles_labels()[0]:
        axes.legend(loc="best", fontsize=8)
    figure.supxlabel(note, fontsize=8, color="#444444")  # below the axes, laid out with them
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return _described(buffer.getvalue(), title, words)


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
