"""The geometry of a server-rendered SVG timeline: page views as bars, visitors as a line.

Drawn on the server so the dashboard works without JavaScript and needs no chart
library; the template (``analytics/_timeline.html``) only places what is computed here.
Coloured periods (a compared period now, campaigns later) are drawn behind the bars.
"""

from dataclasses import dataclass, field
from datetime import date
from math import ceil, floor, log10

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 8, 20, 32
MAX_X_LABELS = 8


@dataclass(frozen=True)
class Point:
    """One bar: a day or a month (``start``..``end``) with its figures."""

    start: date
    end: date
    label: str
    views: int
    visitors: int


@dataclass(frozen=True)
class Band:
    """A period drawn over the timeline, e.g. a campaign."""

    start: date
    end: date
    label: str


@dataclass
class Timeline:
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    baseline: float = HEIGHT - BOTTOM
    bars: list = field(default_factory=list)
    line: str = ""
    dots: list = field(default_factory=list)
    x_labels: list = field(default_factory=list)
    y_ticks: list = field(default_factory=list)
    bands: list = field(default_factory=list)
    band_labels: list = field(default_factory=list)


def nice_top(value):
    """A round scale maximum at or above ``value`` whose half is a whole number."""
    value = max(value, 2)
    magnitude = 10 ** floor(log10(value))
    for step in (1, 2, 4, 6, 8, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude  # pragma: no cover - the loop always returns


def timeline(points, bands=()):
    chart = Timeline()
    if not points:
        return chart
    plot_width = chart.right - chart.left
    plot_height = chart.baseline - TOP
    top = nice_top(max(max(p.views for p in points), max(p.visitors for p in points)))
    slot = plot_width / len(points)
    bar_width = max(slot * 0.7, 1)

    def y(value):
        return round(chart.baseline - value / top * plot_height, 1)

    centres = []
    for index, point in enumerate(points):
        x = chart.left + index * slot
        centres.append(round(x + slot / 2, 1))
        chart.bars.append(
            {
                "x": round(x + (slot - bar_width) / 2, 1),
                "y": y(point.views),
                "width": round(bar_width, 1),
                "height": round(chart.baseline - y(point.views), 1),
                "point": point,
            }
        )
    visitor_ys = [y(p.visitors) for p in points]
    chart.line = " ".join(f"{x},{vy}" for x, vy in zip(centres, visitor_ys, strict=True))
    if len(points) <= 62:  # dots would merge into the line on longer timelines
        chart.dots = [{"x": x, "y": vy} for x, vy in zip(centres, visitor_ys, strict=True)]
    step = ceil(len(points) / MAX_X_LABELS)
    chart.x_labels = [
        {"x": centres[i], "text": points[i].label} for i in range(0, len(points), step)
    ]
    chart.y_ticks = [{"y": y(value), "text": value} for value in (0, top // 2, top)]
    for band in bands:
        inside = [i for i, p in enumerate(points) if p.end >= band.start and p.start <= band.end]
        if inside:
            x = chart.left + inside[0] * slot
            chart.bands.append(
                {
                    "x": round(x, 1),
                    "y": TOP,
                    "width": round(len(inside) * slot, 1),
                    "height": round(plot_height, 1),
                    "label": band.label,
                    "label_y": TOP - 6,
                }
            )
    chart.band_labels = list(dict.fromkeys(band["label"] for band in chart.bands))
    return chart
