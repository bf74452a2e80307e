"""Bar charts as data for server-rendered SVG (templates/stats/_bars.svg.html).

Why server-side SVG: no JavaScript, no third-party library, crisp at any size, and
each chart carries its own <title>/<desc> for screen readers, with the same figures
in a table beside it. One dark colour with the value printed at each bar reads the
same in greyscale and for colour-blind readers (no legend to decode).
"""

from dataclasses import dataclass

WIDTH = 360
ROW = 34  # label line + bar per row (horizontal chart)
BAR = 12
LABEL = 14
COLUMN_HEIGHT = 160  # plot height of the timeline


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int
    text_x: float = 0
    text_y: float = 0
    tick: str = ""  # timeline: the axis label shown under some columns
    label_y: float = 0


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


def timeline(rows, *, every=None, labelled=None):
    """Columns over time; ``every`` n-th column gets an axis label (about eight in all).
    ``labelled``: each column's count above it (default: when at most 24 columns)."""
    count = max(len(rows), 1)
    every = every or max(1, -(-count // 8))
    peak = max((row.count for row in rows), default=0) or 1
    step = (WIDTH * 2 - 20) / count
    top = 16
    bars = []
    for i, row in enumerate(rows):
        height = round(COLUMN_HEIGHT * row.count / peak, 1)
        x = 10 + i * step
        bars.append(
            Bar(
                round(x + step * 0.1, 1),
                round(top + COLUMN_HEIGHT - height),
                round(step * 0.8, 1),
                height,
                row.label,
                row.count,
                round(x + step / 2, 1),
                top + COLUMN_HEIGHT + 16,
                tick=row.label if i % every == 0 else "",
            )
        )
    return {
        "bars": bars,
        "width": WIDTH * 2,
        "height": top + COLUMN_HEIGHT + 24,
        "peak": peak,
        "labelled": count <= 24 if labelled is None else labelled,
        "baseline": top + COLUMN_HEIGHT,
    }
