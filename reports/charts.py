"""Charts as plain SVG drawn on the server, readable without JavaScript (docs/dashboard.md).

A `Chart` holds its numbers; `Chart.svg()` draws them and the template beside it prints the
same numbers as a table (reports/templates/reports/dashboard_chart.html), so a reader who
cannot see the drawing, or a screen reader, gets every figure.

- Every chart has a <title> and a <desc>, labelled axes, and its values written on it as
  SVG <text> (never paths), in the active language: numbers grouped as the language groups
  them (Babel, Latin digits as the United Nations prints them), labels translated.
- Every label is escaped: a category may be user text (a donor's name).
- Right to left (Arabic): the drawing is mirrored, as an Arabic reader reads it. Category
  labels stand on the right, bars grow leftwards, and time runs from right to left; the root
  carries direction="rtl", so text anchors keep their logical meaning (start = where
  reading starts) and Arabic labels end at the axis.

Three kinds: bars (one series, or several side by side: "grouped"), stacked bars, and lines
over time. Bars are horizontal so that long labels (regions, instruments) stay readable."""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape as _escape

from django.utils.safestring import SafeString, mark_safe

from ctassist.languages import data_language, text_direction
from ctassist.numbers import number, percent  # noqa: F401  (the one number format; balance, dashboard)

# Okabe and Ito's palette, told apart by readers with any common colour blindness; lines are
# also told apart by their dashes.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 4")
WIDTH = 640
LABEL_COLUMN = 180  # room for the category labels of bar charts
LABEL_CHARACTERS = 30  # longer labels are shortened on the drawing (the table has them whole)
BAR = 14
GAP = 10
TEXT_STYLE = "font-family: sans-serif; font-size: 11px"


def escape(text) -> str:
    """Text for SVG, in content or in a double-quoted attribute."""
    return _escape(str(text), {'"': "&quot;"})


@dataclass
class Series:
    label: str
    values: list  # one per category; numbers (int, float, Decimal)

    def __post_init__(self):
        self.label = str(self.label)  # a lazy translation, in the language active now


@dataclass
class Chart:
    """A chart's numbers and words; `svg()` draws it, `table()` gives the same as rows."""

    key: str  # unique on the page: the ids of the <title> and <desc>
    title: str
    desc: str
    categories: list[str]
    series: list[Series]
    category_label: str
    value_label: str
    kind: str = "bars"  # "bars" (one series or grouped side by side), "stacked", "line"
    formatter: Callable[[object], str] = number
    notes: list[str] = field(default_factory=list)  # shown under the chart (as-at dates, rules)
    sources: list[str] = field(default_factory=list)  # what the numbers are read from, cited
    empty_text: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.categories or not any(v for s in self.series for v in s.values)

    @property
    def shows_totals(self) -> bool:
        return self.kind == "stacked" and len(self.series) > 1

    def table(self) -> list[tuple[str, list[str], str]]:
        """Rows of the accessible table: category, formatted values, formatted total (stacked)."""
        rows = []
        for index, category in enumerate(self.categories):
            values = [s.values[index] for s in self.series]
            total = self.formatter(sum(values)) if self.shows_totals else ""
            rows.append((category, [self.formatter(v) for v in values], total))
        return rows

    def svg(self) -> SafeString:
        rtl = text_direction(data_language()) == "rtl"
        drawing = _draw_line(self, rtl) if self.kind == "line" else _draw_bars(self, rtl)
        return mark_safe(drawing)


def nice_top(peak) -> tuple[float, float]:
    """The end of the value axis and its step: 1, 2 or 5 times a power of ten, four or five ticks."""
    peak = float(peak)
    if peak <= 0:
        return 1.0, 1.0
    raw = peak / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    if step < 1 and peak >= 1:
        step = 1.0
    return math.ceil(peak / step) * step, step


def _shortened(label: str) -> str:
    label = str(label)
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1].rstrip() + "…"


class _Canvas:
    """Collects SVG elements; x positions are given left to right and mirrored for Arabic."""

    def __init__(self, chart: Chart, height: float, rtl: bool):
        self.chart, self.height, self.rtl, self.parts = chart, height, rtl, []

    def x(self, value: float) -> float:
        return WIDTH - value if self.rtl else value

    def text(self, x, y, content, anchor="start", cls="", full: str | None = None, rotate=False):
        # Anchors are logical: under direction="rtl" "start" is the right end.
        extra = f' class="{cls}"' if cls else ""
        transform = f' transform="rotate(-90 {self.x(x):.1f} {y:.1f})"' if rotate else ""
        tip = f"<title>{escape(full)}</title>" if full and full != content else ""
        self.parts.append(
            f'<text x="{self.x(x):.1f}" y="{y:.1f}" text-anchor="{anchor}"{extra}{transform}>'
            f"{tip}{escape(content)}</text>"
        )

    def rect(self, x0, x1, y, height, colour, label: str):
        left, right = sorted((self.x(x0), self.x(x1)))
        self.parts.append(
            f'<rect x="{left:.1f}" y="{y:.1f}" width="{max(right - left, 0):.1f}" height="{height}" '
            f'fill="{colour}"><title>{escape(label)}</title></rect>'
        )

    def line(self, x0, y0, x1, y1, cls="grid", stroke="#ccc"):
        self.parts.append(
            f'<line x1="{self.x(x0):.1f}" y1="{y0:.1f}" x2="{self.x(x1):.1f}" y2="{y1:.1f}" '
            f'class="{cls}" stroke="{stroke}"/>'
        )

    def raw(self, markup: str):
        self.parts.append(markup)

    def render(self) -> str:
        chart = self.chart
        direction = ' direction="rtl"' if self.rtl else ""
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {self.height:.0f}" '
            f'class="chart chart-{escape(chart.kind)}" role="img" '
            f'aria-labelledby="{escape(chart.key)}-title {escape(chart.key)}-desc"{direction} '
            f'style="{TEXT_STYLE}">'
            f'<title id="{escape(chart.key)}-title">{escape(chart.title)}</title>'
            f'<desc id="{escape(chart.key)}-desc">{escape(chart.desc)}</desc>'
        )
        return head + "".join(self.parts) + "</svg>"


def _legend(canvas: _Canvas, chart: Chart, y: float, start: float, lines: bool = False) -> float:
    """One row per series (swatch and label); returns the y below it. Nothing for one series."""
    if len(chart.series) < 2:
        return y
    for index, series in enumerate(chart.series):
        colour = COLOURS[index % len(COLOURS)]
        if lines:
            dash = DASHES[index % len(DASHES)]
            dash_attribute = f' stroke-dasharray="{dash}"' if dash else ""
            x0, x1 = sorted((canvas.x(start), canvas.x(start + 18)))
            canvas.raw(
                f'<line x1="{x0:.1f}" x2="{x1:.1f}" y1="{y - 4:.1f}" y2="{y - 4:.1f}" '
                f'stroke="{colour}" stroke-width="2"{dash_attribute}/>'
            )
        else:
            canvas.rect(start, start + 12, y - 10, 10, colour, series.label)
        canvas.text(start + 24, y, series.label, "start", "legend")
        y += 16
    return y + 4


def _draw_bars(chart: Chart, rtl: bool) -> str:
    stacked = chart.kind == "stacked"
    groups = 1 if stacked else len(chart.series)
    row_height = groups * BAR + GAP
    legend_rows = len(chart.series) if len(chart.series) > 1 else 0
    top = 24 + legend_rows * 16 + (4 if legend_rows else 0)
    plot_height = max(len(chart.categories), 1) * row_height
    height = top + plot_height + 44
    canvas = _Canvas(chart, height, rtl)
    left, right = LABEL_COLUMN, WIDTH - 56  # room at the end for the values
    totals = [
        sum(s.values[i] for s in chart.series)
        if stacked
        else max((s.values[i] for s in chart.series), default=0)
        for i in range(len(chart.categories))
    ]
    peak, step = nice_top(max(totals, default=0))

    def x(value) -> float:
        return left + (right - left) * float(value) / peak

    # The category axis' name above the labels, the legend beside it.
    canvas.text(LABEL_COLUMN - 8, 14, chart.category_label, "end", "axis-label")
    _legend(canvas, chart, 30, left)
    # Grid and the value axis below the bars, with its name.
    bottom = top + plot_height
    tick = 0.0
    while tick <= peak + 1e-9:
        canvas.line(x(tick), top - 4, x(tick), bottom)
        canvas.text(x(tick), bottom + 14, chart.formatter(_plain(tick)), "middle", "tick")
        tick += step
    canvas.line(left, top - 4, left, bottom, "axis", "#555")
    canvas.text((left + right) / 2, bottom + 34, chart.value_label, "middle", "axis-label")
    for index, category in enumerate(chart.categories):
        y = top + index * row_height + GAP / 2
        short = _shortened(category)
        canvas.text(LABEL_COLUMN - 8, y + groups * BAR / 2 + 4, short, "end", "category", full=str(category))
        start = 0
        for number_, series in enumerate(chart.series):
            value = series.values[index]
            colour = COLOURS[number_ % len(COLOURS)]
            words = f"{category}, {series.label}: {chart.formatter(value)}"
            if stacked:
                canvas.rect(x(start), x(start + value), y, BAR, colour, words)
                start += value
            else:
                bar_y = y + number_ * BAR
                canvas.rect(x(0), x(value), bar_y, BAR - 2, colour, words)
                canvas.text(x(value) + 4, bar_y + BAR - 4, chart.formatter(value), "start", "value")
        if stacked:
            canvas.text(x(start) + 4, y + BAR - 3, chart.formatter(totals[index]), "start", "value")
    return canvas.render()


def _plain(value: float):
    return int(value) if float(value).is_integer() else value


def _draw_line(chart: Chart, rtl: bool) -> str:
    """Lines over ordered categories (years): one per series, each point's value in its <title>
    and the last value written at the line's end."""
    legend_rows = len(chart.series) if len(chart.series) > 1 else 0
    top = 24 + legend_rows * 16 + (4 if legend_rows else 0)
    plot_height = 200
    height = top + plot_height + 50
    canvas = _Canvas(chart, height, rtl)
    left, right = 56, WIDTH - 56
    peak, step = nice_top(max((v for s in chart.series for v in s.values), default=0))
    count = len(chart.categories)

    def x(index) -> float:
        return left + (right - left) * (index / (count - 1) if count > 1 else 0.5)

    def y(value) -> float:
        return top + plot_height * (1 - float(value) / peak)

    canvas.text(left - 8, 14, chart.value_label, "start", "axis-label")
    _legend(canvas, chart, 30, left, lines=True)
    tick = 0.0
    while tick <= peak + 1e-9:
        canvas.line(left, y(tick), right, y(tick))
        canvas.text(left - 6, y(tick) + 4, chart.formatter(_plain(tick)), "end", "tick")
        tick += step
    bottom = top + plot_height
    canvas.line(left, bottom, right, bottom, "axis", "#555")
    # At most about twelve category labels on the axis; the table has every one.
    every = max(1, math.ceil(count / 12))
    for index, category in enumerate(chart.categories):
        if index % every == 0 or index == count - 1:
            canvas.line(x(index), bottom, x(index), bottom + 4, "axis", "#555")
            canvas.text(x(index), bottom + 16, category, "middle", "tick")
    canvas.text((left + right) / 2, bottom + 38, chart.category_label, "middle", "axis-label")
    for number_, series in enumerate(chart.series):
        colour = COLOURS[number_ % len(COLOURS)]
        dash = DASHES[number_ % len(DASHES)]
        dash_attribute = f' stroke-dasharray="{dash}"' if dash else ""
        points = " ".join(f"{canvas.x(x(i)):.1f},{y(v):.1f}" for i, v in enumerate(series.values))
        canvas.raw(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"'
            f'{dash_attribute} class="line"><title>{escape(series.label)}</title></polyline>'
        )
        for index, value in enumerate(series.values):
            cx = canvas.x(x(index))
            canvas.raw(
                f'<circle cx="{cx:.1f}" cy="{y(value):.1f}" r="2.5" fill="{colour}">'
                f"<title>{escape(chart.categories[index])}, {escape(series.label)}: "
                f"{escape(chart.formatter(value))}</title></circle>"
            )
        if series.values:
            canvas.text(
                x(count - 1) + 6,
                y(series.values[-1]) + 4,
                chart.formatter(series.values[-1]),
                "start",
                "value",
            )
    return canvas.render()


def _chart(kind, key, title, desc, categories, series, category_label, value_label, **extra) -> Chart:
    return Chart(
        key,
        str(title),
        str(desc),
        [str(c) for c in categories],
        list(series),
        str(category_label),
        str(value_label),
        kind,
        **extra,
    )


def bar_chart(
    key, title, desc, categories: Sequence, series: Sequence[Series], category_label, value_label, **extra
) -> Chart:
    return _chart("bars", key, title, desc, categories, series, category_label, value_label, **extra)


def stacked_bar_chart(key, title, desc, categories, series, category_label, value_label, **extra) -> Chart:
    return _chart("stacked", key, title, desc, categories, series, category_label, value_label, **extra)


def line_chart(key, title, desc, categories, series, category_label, value_label, **extra) -> Chart:
    return _chart("line", key, title, desc, categories, series, category_label, value_label, **extra)
