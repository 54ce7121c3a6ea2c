"""Charts as plain SVG, drawn on the server so they read without JavaScript."""

import datetime
from xml.sax.saxutils import escape


def party_count_chart(
    history: list[tuple[datetime.date, int]],
    start: datetime.date,
    until: datetime.date,
    title: str,
    width: int = 640,
    height: int = 240,
) -> str:
    left, right, top, bottom = 44, 12, 16, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    span = max((until - start).days, 1)
    peak = max([count for _date, count in history] + [1])
    step = 10 ** max(len(str(peak)) - 1, 0)
    top_value = ((peak + step - 1) // step) * step

    def x(date):
        return left + plot_w * min(max((date - start).days, 0), span) / span

    def y(count):
        return top + plot_h * (1 - count / top_value)

    points, previous = [f"{x(start):.1f},{y(0):.1f}"], 0
    for date, count in history:
        points.append(f"{x(date):.1f},{y(previous):.1f}")
        points.append(f"{x(date):.1f},{y(count):.1f}")
        previous = count
    points.append(f"{x(until):.1f},{y(previous):.1f}")

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        # The dates the line spans, for readers of the markup (it ends at the list's date).
        f'aria-labelledby="chart-title" class="chart" data-from="{start.isoformat()}" '
        f'data-until="{until.isoformat()}">',
        f'<title id="chart-title">{escape(title)}</title>',
    ]
    for fraction in (0, 0.5, 1):
        value = round(top_value * fraction)
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
            f'class="grid"/><text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{value}</text>'
        )
    years = range(start.year + (10 - start.year % 10) % 10, until.year + 1, 10)
    for year in years:
        xpos = x(datetime.date(year, 1, 1))
        parts.append(f'<text x="{xpos:.1f}" y="{height - 8}" text-anchor="middle">{year}</text>')
    parts.append(f'<polyline points="{" ".join(points)}" class="line"/>')
    parts.append("</svg>")
    return "".join(parts)
