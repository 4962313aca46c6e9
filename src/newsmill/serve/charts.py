"""Attention-over-time charts: counts per day (or month) drawn by pygal as SVG on the server.

pygal draws the axes, ticks and bars; the page inlines the SVG, so bars can be links and
carry native ``<title>`` tooltips without any script. The strict Content-Security-Policy
forbids inline ``<style>``, ``<script>`` and ``style=`` attributes, so those are taken out of
pygal's SVG and its stylesheet (scoped to the fixed chart id) is served from ``/charts.css``.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from markupsafe import Markup

CHART_ID = "timeline"  # pygal scopes its CSS to #chart-<id>; one chart per page
MAX_DAYS = 90  # longer spans are summed per month
SLOT_PX = 26  # width per bar slot: few days draw a narrow chart, not a wall of blocks
MIN_WIDTH, MAX_WIDTH, HEIGHT = 260, 640, 170


@dataclass(frozen=True, slots=True)
class Bar:
    label: str  # YYYY-MM-DD, or YYYY-MM when counted per month
    count: int

    @property
    def days(self) -> tuple[str, str]:
        """The first and last day the bar counts (``since``/``until`` filters)."""
        if len(self.label) == 7:  # a month
            year, month = map(int, self.label.split("-"))
            following = date(year + month // 12, month % 12 + 1, 1)
            return f"{self.label}-01", (following - timedelta(days=1)).isoformat()
        return self.label, self.label


@dataclass(frozen=True, slots=True)
class Chart:
    bars: list[Bar]
    first: str
    last: str
    peak: int
    unit: str  # "day" or "month"
    max_width: int = MAX_WIDTH

    @property
    def width(self) -> int:
        return max(MIN_WIDTH, min(self.max_width, 60 + SLOT_PX * len(self.bars)))


def _months(first: date, last: date) -> list[str]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = year + month // 12, month % 12 + 1
    return months


def bar_chart(series: list[tuple[str, int]], max_width: int = MAX_WIDTH) -> Chart | None:
    """Counts per day (``YYYY-MM-DD``) as bars, quiet days included as empty bars (attention
    is also its absence); a span of more than 90 days is summed per month, quiet months too."""
    if not series:
        return None
    unit = "day"
    try:
        first, last = date.fromisoformat(series[0][0]), date.fromisoformat(series[-1][0])
    except ValueError:
        first = last = None  # not ISO days: draw what we were given
    if first and last and 0 <= (last - first).days <= MAX_DAYS:
        counts = dict(series)
        days = [(first + timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]
        series = [(day, counts.get(day, 0)) for day in days]
    elif len(series) > MAX_DAYS or (first and last and (last - first).days > MAX_DAYS):
        per_month: Counter[str] = Counter()
        for day, count in series:
            per_month[day[:7]] += count
        labels = _months(first, last) if first and last else sorted(per_month)
        series, unit = [(month, per_month.get(month, 0)) for month in labels], "month"
    bars = [Bar(label, count) for label, count in series]
    peak = max(bar.count for bar in bars)
    return Chart(bars, bars[0].label, bars[-1].label, peak, unit, max_width)


@cache
def _pygal() -> Any:
    """pygal, imported once. Its import appends a ``sys.meta_path`` finder (for map plugins,
    which newsmill does not use) that has only the legacy ``find_module`` and so raises an
    ImportWarning on every later import of an unknown module: it is taken out again."""
    import pygal

    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "PluginImportFixer"]
    return pygal


def _y_ticks(peak: int) -> list[int]:
    """Whole-number count ticks, at most about five."""
    step = max(1, math.ceil(max(peak, 1) / 4))
    return list(range(0, max(peak, 1) + step, step))


def render_svg(chart: Chart, bar_link: Callable[[Bar], str] | None = None) -> Markup:
    """``chart`` as an inline SVG: date axis, count axis, a count over each bar, a tooltip per
    bar and, with ``bar_link``, each non-empty bar a link. Only dates, counts and the links
    from ``bar_link`` go in, and lxml escapes them."""
    from lxml import etree

    pygal = _pygal()

    graph = pygal.Bar(_config(chart))
    graph.uuid = CHART_ID
    graph.x_labels = [bar.label for bar in chart.bars]
    values = []
    for bar in chart.bars:
        value: dict[str, object] = {"value": bar.count, "label": f"{bar.label}: {bar.count}"}
        if bar_link is not None and bar.count:
            value["xlink"] = {"href": bar_link(bar), "target": "_self"}
        values.append(value)
    graph.add("articles", values)
    tree = graph.render_tree()
    # pygal's nodes carry no namespace prefix (the SVG namespace is the default one).
    for node in list(tree.iter("style", "script", etree.Comment)):
        node.getparent().remove(node)
    for node in tree.iter():
        node.attrib.pop("style", None)  # inline styles are refused by the CSP
    title = tree.find("title")
    if title is not None:
        title.text = f"articles per {chart.unit}"
    # A native tooltip per bar: "2022-03-02: 4 articles".
    for rect in tree.iter("rect"):
        label = rect.getparent().find("desc[@class='label']")
        if label is not None and label.text:
            count = label.text.rsplit(": ", 1)[-1]
            tip = etree.SubElement(rect, "title")
            tip.text = f"{label.text} article{'' if count == '1' else 's'}"
    tree.set("role", "img")
    tree.set("width", str(chart.width))
    tree.set("height", str(HEIGHT))
    return Markup(etree.tostring(tree, encoding="unicode"))


def _config(chart: Chart) -> object:
    pygal = _pygal()

    labels = len(chart.bars)
    return pygal.Config(
        width=chart.width,
        height=HEIGHT,
        explicit_size=True,
        disable_xml_declaration=True,
        style=_style(),
        show_legend=False,
        js=[],
        margin=6,
        margin_right=34,  # room for the last date label
        spacing=4,
        y_labels=_y_ticks(chart.peak),
        show_minor_y_labels=True,
        x_labels_major_count=min(labels, max(3, chart.width // 110)),
        show_minor_x_labels=labels <= 5,
        truncate_label=-1,
        print_values=labels <= 45,  # a count above each bar while they fit
        print_zeroes=False,
        print_values_position="top",
        rounded_bars=0,
    )


@cache
def _style() -> object:
    return _pygal().style.Style(
        background="transparent",
        plot_background="#fff",
        foreground="#1d2330",
        foreground_strong="#1d2330",
        foreground_subtle="#667085",
        colors=("#2456c7",),
        font_family="system-ui, sans-serif",
        label_font_size=11,
        major_label_font_size=11,
        value_font_size=10,
        opacity="0.85",
        opacity_hover="1",
        transition="0s",
    )


@cache
def stylesheet() -> str:
    """pygal's stylesheet for the chart (scoped to ``#chart-timeline``), served as a file."""
    pygal = _pygal()

    graph = pygal.Bar(_config(Chart([Bar("2000-01-01", 1)], "2000-01-01", "2000-01-01", 1, "day")))
    graph.uuid = CHART_ID
    graph.x_labels = ["2000-01-01"]
    graph.add("articles", [1])
    styles = graph.render_tree().iter("style")
    return "\n".join(node.text or "" for node in styles)
