"""A chart with its table, downloads and links to the deed list: one per dimension."""

import calendar
import datetime as dt
from dataclasses import dataclass, field

from django.urls import reverse

from core import charts

from .figures import DIMENSIONS


@dataclass
class Section:
    by: str
    title: str
    rows: list
    chart: object  # core.charts.horizontal() or timeline()
    timeline: bool = False
    links: dict = field(default_factory=dict)
    ranked: bool = False

    @property
    def label(self):
        return DIMENSIONS[self.by]


def row_params(listing, by, key):
    """The deed list's filters for one row: the page's own plus the row's value."""
    if by == "month":
        year, month = map(int, key.split("-"))
        last = calendar.monthrange(year, month)[1]
        start = max(dt.date(year, month, 1), listing.start or dt.date.min)
        end = min(dt.date(year, month, last), listing.end or dt.date.max)
        return listing.query_string(start=start.isoformat(), end=end.isoformat(), page=None)
    chosen = listing.keys.get(by, [])
    if chosen and key not in chosen:
        # Counted as "the chosen ones AND this", which the list (OR within a filter)
        # cannot show: no link rather than a link to different figures.
        return None
    return listing.query_string(**{by: [key], "page": None})


def section(listing, figures, by, title, language, limit=None):
    rows = figures.rows(by, language)
    shown = rows[:limit] if limit else rows
    for row in shown:
        params = row_params(listing, by, row.key)
        row.url = reverse("deeds:list") + params if params else ""
    query = listing.query_string(page=None, top=[str(limit)] if limit else None)
    timeline = by in ("month", "year")
    return Section(
        by,
        title,
        shown,
        charts.timeline(shown) if timeline else charts.horizontal(shown),
        timeline,
        {
            "csv": reverse("stats:download", kwargs={"by": by, "fmt": "csv"}) + query,
            "xlsx": reverse("stats:download", kwargs={"by": by, "fmt": "xlsx"}) + query,
        },
    )
