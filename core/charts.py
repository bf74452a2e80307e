"""Charts as data for server-rendered SVG: horizontal bars (``stats/_bars.svg.html``)
and timelines -- deeds over time (``stats/_timeline.svg.html``, the statistics page and
campaigns) and the staff dashboard's page views and visits (``analytics/_timeline.html``).

Why server-side SVG: no JavaScript, no third-party library, crisp at any size, and
each chart carries its own <title>/<desc> for screen readers, with the same figures
in a table beside it. One dark colour with the value printed at each bar reads the
same in greyscale and for colour-blind readers (no legend to decode). Templates only
place what is computed here.

Imports no app: callers hand over rows with a ``label`` and a ``count``.
"""

from dataclasses import dataclass, field
from datetime import date
from math import ceil, floor, log10

WIDTH = 360  # of the horizontal chart; a timeline is twice as wide
ROW = 34  # label line + bar per row (horizontal chart)
BAR = 12
LABEL = 14
MAX_X_LABELS = 8
MAX_DOTS = 62  # dots on the line would merge into it on longer timelines
MAX_LABELLED = 24  # columns that still have room for their count above them


class _Fields:
    """Read as ``chart.bars`` or ``chart["bars"]``: templates and callers use both."""

    def __getitem__(self, name):
        try:
            return getattr(self, name)
        except AttributeError:
            raise KeyError(name) from None


@dataclass
class Bar(_Fields):
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int
    text_x: float = 0  # where the count is printed (a timeline: the column's middle)
    text_y: float = 0  # horizontal: the count's line; timeline: the axis label's line
    tick: str = ""  # timeline: the axis label shown under some columns
    label_y: float = 0  # horizontal: the label's line above the bar


@dataclass(frozen=True)
class Point:
    """A timeline column for a period (``start``..``end``, which ``Band``s are matched
    against), with a second figure, ``line``, drawn as a line over the columns."""

    start: date
    end: date
    label: str
    count: int
    line: int | None = None


@dataclass(frozen=True)
class Band:
    """A period drawn behind the columns, e.g. a campaign or a compared period."""

    start: date
    end: date
    label: str


@dataclass(frozen=True)
class Layout:
    width: int
    height: int
    left: int  # where the plot starts (room for the y axis' labels, if any)
    right: int  # where it ends
    top: int
    bottom: int  # room under the plot for the x axis' labels
    bar_share: float  # of each column's slot; the rest is the gap
    axis: bool  # a y axis with a round scale and three ticks; else the top is the peak
    tick_y: int  # the x axis' labels' line


# Deeds over time: each count printed over its column, or the scale's top labelled.
COLUMNS = Layout(720, 200, 10, 710, 16, 24, 0.8, axis=False, tick_y=192)
# Two figures on one scale (columns and a line): counts cannot be printed for both,
# so a y axis with round values says what the heights mean.
WITH_AXIS = Layout(720, 260, 56, 712, 20, 32, 0.7, axis=True, tick_y=250)


@dataclass
class Timeline(_Fields):
    width: int
    height: int
    left: int
    right: int
    top: int
    baseline: int
    scale: int  # the value at the plot's top
    labelled: bool  # each column's count printed above it
    bars: list = field(default_factory=list)
    line: str = ""  # SVG polyline points of the second figure
    dots: list = field(default_factory=list)
    x_labels: list = field(default_factory=list)
    y_ticks: list = field(default_factory=list)
    bands: list = field(default_factory=list)
    band_labels: list = field(default_factory=list)


def horizontal(rows):
    """A label above each bar; the count just after the bar's end."""
    peak = max((row.count for row in rows), default=0) or 1
    usable = WIDTH - 40
    bars = []
    for i, row in enumerate(rows):
        y = i * ROW
        width = round(usable * row.count / peak, 1)
        bar_y = y + LABEL + 4
        bars.append(
            Bar(
                0,
                bar_y,
                width,
                BAR,
                row.label,
                row.count,
                text_x=width + 4,
                text_y=bar_y + BAR - 1,
                label_y=y + LABEL,
            )
        )
    return {"bars": bars, "width": WIDTH, "height": max(len(rows), 1) * ROW + 4}


def nice_top(value):
    """A round scale maximum at or above ``value`` whose half is a whole number."""
    value = max(value, 2)
    magnitude = 10 ** floor(log10(value))
    for step in (1, 2, 4, 6, 8, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude  # pragma: no cover - the loop always returns


def timeline(rows, bands=(), *, every=None, labelled=None, layout=None):
    """A column per row (``label``, ``count``) over time.

    A row with a ``line`` figure (a ``Point``) adds a line over the columns and, by
    default, the ``WITH_AXIS`` layout; ``bands`` are matched against the rows' periods.
    ``every`` n-th column gets an axis label (default: about eight in all);
    ``labelled``: each count printed above its column (default: when there is no y axis
    and at most 24 columns).
    """
    rows = list(rows)
    lines = [getattr(row, "line", None) for row in rows]
    has_line = any(value is not None for value in lines)
    layout = layout or (WITH_AXIS if has_line else COLUMNS)
    baseline = layout.height - layout.bottom
    plot_height = baseline - layout.top
    peak = max([row.count for row in rows] + [v for v in lines if v is not None], default=0)
    chart = Timeline(
        width=layout.width,
        height=layout.height,
        left=layout.left,
        right=layout.right,
        top=layout.top,
        baseline=baseline,
        scale=nice_top(peak) if layout.axis else peak or 1,
        labelled=(not layout.axis and len(rows) <= MAX_LABELLED) if labelled is None else labelled,
    )
    if not rows:
        return chart
    slot = (layout.right - layout.left) / len(rows)
    bar_width = max(slot * layout.bar_share, 1)
    every = every or ceil(len(rows) / MAX_X_LABELS)

    def y(value):
        return round(baseline - value / chart.scale * plot_height, 1)

    for index, row in enumerate(rows):
        x = layout.left + index * slot
        top = y(row.count)
        chart.bars.append(
            Bar(
                round(x + (slot - bar_width) / 2, 1),
                top,
                round(bar_width, 1),
                round(baseline - top, 1),
                row.label,
                row.count,
                text_x=round(x + slot / 2, 1),
                text_y=layout.tick_y,
                tick=row.label if index % every == 0 else "",
            )
        )
    chart.x_labels = [{"x": bar.text_x, "text": bar.label} for bar in chart.bars[::every]]
    if layout.axis:
        chart.y_ticks = [
            {"y": y(value), "text": value} for value in (0, chart.scale // 2, chart.scale)
        ]
    if has_line:
        dots = [
            {"x": bar.text_x, "y": y(value or 0)}
            for bar, value in zip(chart.bars, lines, strict=True)
        ]
        chart.line = " ".join(f"{dot['x']},{dot['y']}" for dot in dots)
        if len(dots) <= MAX_DOTS:
            chart.dots = dots
    for band in bands:
        inside = [
            i for i, row in enumerate(rows) if row.end >= band.start and row.start <= band.end
        ]
        if inside:
            chart.bands.append(
                {
                    "x": round(layout.left + inside[0] * slot, 1),
                    "y": layout.top,
                    "width": round(len(inside) * slot, 1),
                    "height": plot_height,
                    "label": band.label,
                    "label_y": layout.top - 6,
                }
            )
    chart.band_labels = list(dict.fromkeys(band["label"] for band in chart.bands))
    return chart
