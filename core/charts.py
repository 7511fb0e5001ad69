"""Charts for every page: matplotlib drawn to an inline SVG, each returned with the table that
says the same thing (templates/includes/chart.html shows both).

Values come in as published figures (core.privacy.PublicFigure), so suppression has happened
before anything is plotted: a suppressed or missing value is a gap in the chart with a note, and
says why in the table. Kinds: `bar_chart` (vertical bars), `interval_chart` (horizontal bars with
95 % intervals, e.g. shares per group) and `line_chart` (series over time with intervals).
Rendering is cached on the data, so a page shown again costs nothing.
"""

import functools
import io
import json
import re
import textwrap
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

import matplotlib

matplotlib.use("Agg")

from django.utils.formats import number_format  # noqa: E402
from django.utils.html import escape  # noqa: E402
from django.utils.safestring import SafeString, mark_safe  # noqa: E402
from django.utils.translation import gettext as _  # noqa: E402
from matplotlib.backends.backend_svg import FigureCanvasSVG  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FixedLocator, MaxNLocator  # noqa: E402

from core.privacy import FigureState, PublicFigure, hidden_text  # noqa: E402

INK = "#0b0c0c"
MUTED = "#484949"
PALETTE = ["#0b3b60", "#b3261e", "#00703c", "#8a5300", "#4c2c92", "#28a197"]
STYLE = {
    "svg.fonttype": "none",  # text stays text: searchable, and in the page's font
    "svg.hashsalt": "medborgarloften",  # the same chart gives the same SVG
    "font.family": "sans-serif",
    "font.size": 10,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "text.color": INK,
}


@dataclass(frozen=True)
class Point:
    """One value to plot, as published, with its 95 % interval when it has one."""

    figure: PublicFigure
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class Series:
    name: str
    points: Sequence[Point]


@dataclass
class ChartTable:
    caption: str
    columns: list[str]
    rows: list[list[str]]


@dataclass
class Chart:
    title: str
    svg: SafeString
    table: ChartTable
    notes: list[str] = field(default_factory=list)


def number(value: float, decimals: int = 0) -> str:
    """A number the Swedish way (decimal comma, thin grouping) in the active language."""
    return number_format(round(value, decimals), decimals, use_l10n=True)


def value_text(point: Point, unit: str, decimals: int) -> str:
    if not point.figure.shown:
        return hidden_text(point.figure)
    text = number(point.figure.value, decimals)
    return f"{text} {unit}".strip()


def interval_text(point: Point, unit: str, decimals: int) -> str:
    if not point.figure.shown or point.low is None or point.high is None:
        return "–" if point.figure.shown else hidden_text(point.figure)
    return f"{number(point.low, decimals)}–{number(point.high, decimals)} {unit}".strip()


def _notes(points: Sequence[Point]) -> list[str]:
    hidden = [p for p in points if not p.figure.shown]
    if not hidden:
        return []
    if all(p.figure.state is FigureState.MISSING for p in hidden):
        return [_("Värden som saknas är inte ritade.")]
    return [
        _(
            "Värden som visas inte (för få svarande, eller dolda för att de inte ska kunna "
            "räknas fram) är inte ritade."
        )
    ]


def _plotted(point: Point) -> tuple[float | None, float | None, float | None]:
    if not point.figure.shown:
        return (None, None, None)
    return (float(point.figure.value), point.low, point.high)


def interval_chart(
    title: str,
    labels: Sequence[str],
    points: Sequence[Point],
    *,
    unit: str = "%",
    decimals: int = 0,
    axis_max: float | None = 100,
    label_heading: str = "",
    intervals: bool = True,
) -> Chart:
    """Horizontal bars, one per label, each with its 95 % interval as a whisker. Without
    `intervals` (counts, rates) the table has no interval column."""
    spec = {
        "kind": "hbar",
        "title": title,
        "labels": list(labels),
        "points": [_plotted(p) for p in points],
        "axis_max": axis_max,
        "unit": unit,
        "gap": _("visas inte"),
        "integer": decimals == 0 and not intervals,
    }
    table = ChartTable(
        caption=title,
        columns=[label_heading or _("Grupp"), _("Värde"), _("95 % konfidensintervall")],
        rows=[
            [label, value_text(p, unit, decimals), interval_text(p, unit, decimals)]
            for label, p in zip(labels, points, strict=True)
        ],
    )
    if not intervals:
        table.columns = table.columns[:2]
        table.rows = [row[:2] for row in table.rows]
    return Chart(title, _svg(spec), table, _notes(points))


def bar_chart(
    title: str,
    labels: Sequence[str],
    points: Sequence[Point],
    *,
    unit: str = "",
    decimals: int = 0,
    label_heading: str = "",
    whole_numbers: bool = False,
) -> Chart:
    """Vertical bars, one per label (counts or shares without intervals). With
    `whole_numbers`, the axis is marked in whole numbers only (counts of things)."""
    spec = {
        "kind": "bar",
        "title": title,
        "labels": list(labels),
        "points": [_plotted(p) for p in points],
        "unit": unit,
        "gap": _("visas inte"),
        "whole_numbers": whole_numbers,
        "integer": decimals == 0,
    }
    table = ChartTable(
        caption=title,
        columns=[label_heading or _("Kategori"), _("Värde")],
        rows=[
            [label, value_text(p, unit, decimals)] for label, p in zip(labels, points, strict=True)
        ],
    )
    return Chart(title, _svg(spec), table, _notes(points))


def line_chart(
    title: str,
    x_labels: Sequence[str],
    series: Sequence[Series],
    *,
    unit: str = "%",
    decimals: int = 0,
    axis_max: float | None = None,
    x_heading: str = "",
) -> Chart:
    """One line per series over `x_labels` (years, weeks…), with the intervals as a band.
    A hidden value breaks the line."""
    spec = {
        "kind": "line",
        "title": title,
        "labels": list(x_labels),
        "series": [{"name": s.name, "points": [_plotted(p) for p in s.points]} for s in series],
        "axis_max": axis_max,
        "unit": unit,
    }
    columns = [x_heading or _("Tidpunkt")]
    for s in series:
        columns += [s.name, _("95 % konfidensintervall")]
    rows = []
    for i, label in enumerate(x_labels):
        row = [label]
        for s in series:
            row += [
                value_text(s.points[i], unit, decimals),
                interval_text(s.points[i], unit, decimals),
            ]
        rows.append(row)
    has_interval = any(p.low is not None for s in series for p in s.points)
    if not has_interval:
        columns = [columns[0], *[s.name for s in series]]
        rows = [[r[0], *r[1::2]] for r in rows]
    notes = _notes([p for s in series for p in s.points])
    return Chart(title, _svg(spec), ChartTable(title, columns, rows), notes)


def _svg(spec: dict) -> SafeString:
    return mark_safe(_render(json.dumps(spec, sort_keys=True, ensure_ascii=False)))


@functools.lru_cache(maxsize=1024)
def _render(spec_json: str) -> str:
    spec = json.loads(spec_json)
    with matplotlib.rc_context(STYLE):
        figure = _DRAW[spec["kind"]](spec)
        buffer = io.StringIO()
        FigureCanvasSVG(figure).print_svg(buffer, metadata={"Date": None, "Creator": None})
    return _accessible(buffer.getvalue(), spec["title"])


def _wrapped(label: str, width: int = 30) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def _draw_hbar(spec: dict) -> Figure:
    labels = [_wrapped(label) for label in spec["labels"]]
    points = spec["points"]
    lines = [label.count("\n") + 1 for label in labels]
    height = 0.7 + sum(0.22 + 0.17 * n for n in lines)
    figure = Figure(figsize=(6.4, height))
    # Fixed margins (constrained layout would double the cost): room for the longest label.
    longest = max((len(line) for label in labels for line in label.split("\n")), default=1)
    figure.subplots_adjust(
        left=min(0.5, 0.06 + longest * 0.075 / 6.4),
        right=0.96,
        top=1 - 0.1 / height,
        bottom=0.55 / height,
    )
    axes = figure.add_subplot()
    positions = list(range(len(labels)))[::-1]
    for y, (value, low, high) in zip(positions, points, strict=True):
        if value is None:
            axes.text(0.5, y, spec["gap"], va="center", fontsize=9, color=MUTED, style="italic")
            continue
        axes.barh(y, value, height=0.6, color=PALETTE[0])
        if low is not None and high is not None:
            axes.hlines(y, low, high, color=INK, linewidth=1.2)
            axes.vlines([low, high], y - 0.12, y + 0.12, color=INK, linewidth=1.2)
    axes.set_yticks(positions, labels)
    axes.set_ylim(-0.6, len(labels) - 0.4)
    _finish_value_axis(axes, spec, "x")
    return figure


def _draw_bar(spec: dict) -> Figure:
    labels, points = spec["labels"], spec["points"]
    # At most a page's width (a chart wider than that is shrunk, and its text with it); labels
    # are turned only when long ones would collide (months and hours stay upright).
    tilt = len(labels) > 5 and max((len(label) for label in labels), default=0) > 4
    figure = Figure(figsize=(min(6.4, max(4.0, 0.9 * len(labels) + 1.5)), 3.2))
    figure.subplots_adjust(left=0.14, right=0.97, top=0.95, bottom=0.3 if tilt else 0.14)
    axes = figure.add_subplot()
    for x, (value, _low, _high) in enumerate(points):
        if value is None:
            axes.text(
                x,
                0,
                spec["gap"],
                ha="center",
                va="bottom",
                rotation=90,
                fontsize=9,
                color=MUTED,
                style="italic",
            )
            continue
        axes.bar(x, value, width=0.6, color=PALETTE[0])
    axes.set_xticks(
        range(len(labels)),
        labels,
        rotation=30 if tilt else 0,
        ha="right" if tilt else "center",
        fontsize=8 if len(labels) > 14 else None,
    )
    _finish_value_axis(axes, spec, "y")
    return figure


def _draw_line(spec: dict) -> Figure:
    labels = spec["labels"]
    figure = Figure(figsize=(6.4, 3.4))
    figure.subplots_adjust(left=0.1, right=0.97, top=0.95, bottom=0.12)
    axes = figure.add_subplot()
    x = list(range(len(labels)))
    for i, series in enumerate(spec["series"]):
        colour = PALETTE[i % len(PALETTE)]
        values = [p[0] for p in series["points"]]
        axes.plot(
            x,
            [float("nan") if v is None else v for v in values],
            marker="o",
            color=colour,
            label=series["name"],
        )
        lows = [float("nan") if p[1] is None else p[1] for p in series["points"]]
        highs = [float("nan") if p[2] is None else p[2] for p in series["points"]]
        if any(v == v for v in lows):
            axes.fill_between(x, lows, highs, color=colour, alpha=0.15, linewidth=0)
    axes.set_xticks(x, labels)
    if len(spec["series"]) > 1:
        axes.legend(frameon=False, loc="best")
    _finish_value_axis(axes, spec, "y")
    return figure


def _finish_value_axis(axes: object, spec: dict, which: str) -> None:
    limit = spec.get("axis_max")
    setter = axes.set_xlim if which == "x" else axes.set_ylim
    ticks = {100: [0, 20, 40, 60, 80, 100], 6: [0, 1, 2, 3, 4, 5, 6]}
    if limit in ticks:
        setter(0, limit)
        (axes.xaxis if which == "x" else axes.yaxis).set_major_locator(FixedLocator(ticks[limit]))
    elif limit is not None:
        setter(0, limit)
    else:
        setter(left=0) if which == "x" else setter(bottom=0)
    # counts: whole numbers on the axis
    if spec.get("whole_numbers") or (spec.get("integer") and limit not in ticks):
        (axes.xaxis if which == "x" else axes.yaxis).set_major_locator(MaxNLocator(integer=True))
    if spec["unit"]:
        (axes.set_xlabel if which == "x" else axes.set_ylabel)(spec["unit"])
    axes.grid(axis=which, color="#d0d0d0", linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)


_DRAW = {"hbar": _draw_hbar, "bar": _draw_bar, "line": _draw_line}


def _accessible(svg: str, title: str) -> str:
    """The bare <svg> element, named for assistive technology, with ids unique on the page
    (several charts share one document). Its width and height stay in pt, the size it was
    drawn at, so that a PDF prints it at that size; pages scale it with CSS."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    # matplotlib's <style> element would need 'unsafe-inline' styles under the site's CSP; its
    # two rules are in site.css and print.css instead (.chart-svg *).
    svg = re.sub(r"<style[^>]*>.*?</style>", "", svg, flags=re.S)
    prefix = "c" + uuid.uuid5(uuid.NAMESPACE_OID, svg + title).hex[:10]
    svg = re.sub(r'id="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{prefix}-\1"', svg)
    escaped = escape(title)
    head_end = svg.index(">") + 1
    opening = svg[:head_end].replace(
        "<svg", f'<svg class="chart-svg" role="img" aria-label="{escaped}" focusable="false"', 1
    )
    return f"{opening}<title>{escaped}</title>{svg[head_end:]}"
