"""Deed statistics, counted from the same in-memory catalogue as the deed list.

Why from the catalogue: the figures then equal what the list shows for the same filters
by construction (one filter implementation, one set of published deeds), and a chart
over 100,000 deeds is a numpy bincount — milliseconds, with no cache to invalidate.
"""

import datetime as dt
from dataclasses import dataclass

import numpy as np
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.places import competition_places

DIMENSIONS = {
    "sector": _("Sector"),
    "theme": _("Theme"),
    "subtheme": _("Subtheme"),
    "customer_group": _("Customer group"),
    "kind": _("Kind"),
    "region": _("Region"),
    "municipality": _("Municipality"),
    "organisation": _("Organisation"),
    "month": _("Month"),
    "year": _("Year"),
}
# Small, fixed sets: every value is listed, zero included, so that gaps show.
WITH_ZEROS = {"sector", "theme", "subtheme", "customer_group", "kind", "region"}
CHRONOLOGICAL = {"month", "year"}


@dataclass
class Row:
    key: str
    label: str
    count: int
    place: int = 0  # in rankings: ties share a place (1, 2, 2, 4)
    url: str = ""  # the deed list with the same figures, when it can show them


@dataclass
class Figures:
    """The published deeds a listing selects, as a row mask over the catalogue."""

    listing: object
    mask: np.ndarray
    total: int

    @classmethod
    def of(cls, listing, language=None):
        result = listing.run(language)
        mask = np.zeros(listing.catalogue.size, dtype=bool)
        mask[result.rows] = True
        return cls(listing, mask, result.total)

    @property
    def catalogue(self):
        return self.listing.catalogue

    def distinct(self, name):
        """How many different organisations (or municipalities …) have these deeds."""
        return int(np.count_nonzero(self.catalogue.columns[name].counts(self.mask)))

    def rows(self, by, language):
        if by == "month":
            return self._months()
        column = self.catalogue.columns[by]
        counts = column.counts(self.mask)
        codes = range(len(column.choices))
        if by not in WITH_ZEROS:
            codes = np.flatnonzero(counts).tolist()
        else:  # retired labels only when they have deeds here
            codes = [c for c in codes if column.choices[c].active or counts[c]]
        rows = [
            Row(column.choices[c].key, column.choices[c].label(language), int(counts[c]))
            for c in codes
        ]
        if by in CHRONOLOGICAL:
            return sorted(rows, key=lambda row: row.key)
        order = {c.key: c.order for c in column.choices}
        return ranked(sorted(rows, key=lambda row: (-row.count, order[row.key])))

    def _months(self):
        days = self.catalogue.days[self.mask]
        first, last = self._period(days)
        if first is None:
            return []
        index = months_since_1970(days)
        start, stop = (int(months_since_1970(np.array([d.toordinal()]))[0]) for d in (first, last))
        index = index[(index >= start) & (index <= stop)]
        counts = np.bincount(index - start, minlength=stop - start + 1)
        rows = []
        for offset, count in enumerate(counts.tolist()):
            year, month = divmod(start + offset, 12)
            day = dt.date(1970 + year, month + 1, 1)
            rows.append(Row(f"{day:%Y-%m}", date_format(day, "YEAR_MONTH_FORMAT"), count))
        return rows

    def days(self):
        """Deeds per day through the period (a campaign's daily timeline)."""
        days = self.catalogue.days[self.mask]
        first, last = self._period(days)
        if first is None:
            return []
        counts = np.bincount(days - first.toordinal(), minlength=(last - first).days + 1)
        rows = []
        for offset, count in enumerate(counts[: (last - first).days + 1].tolist()):
            day = first + dt.timedelta(days=offset)
            rows.append(Row(day.isoformat(), date_format(day, "j.n."), count))
        return rows

    def _period(self, days):
        """The months or days to show: the chosen period, or the deeds' own first and
        last, within the years the catalogue's deeds span (counted_years)."""
        listing = self.listing
        first = listing.start or (dt.date.fromordinal(int(days.min())) if len(days) else None)
        last = listing.end or (dt.date.fromordinal(int(days.max())) if len(days) else None)
        if first is None or last is None:
            return None, None
        earliest, latest = counted_years(self.catalogue)
        first, last = max(first, earliest), min(last, latest)
        if first > last:
            return None, None
        return first, last


def counted_years(catalogue):
    """From 1 January of the first published deed's year to 31 December of this year (or
    of the last deed's, if later): the days that month and day rows may cover.

    A cost ceiling: any period of valid dates (1900–2100, catalogue/listing.py) becomes
    at most as many rows as the data spans, while a period from the start of a year with
    deeds still shows its empty months (a gap is a figure too).
    """
    today = timezone.localdate()
    if not len(catalogue.days):
        return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    first = dt.date.fromordinal(int(catalogue.days.min()))
    last = max(dt.date.fromordinal(int(catalogue.days.max())), today)
    return dt.date(first.year, 1, 1), dt.date(last.year, 12, 31)


EPOCH = dt.date(1970, 1, 1).toordinal()


def months_since_1970(ordinals):
    """Date ordinals to month numbers (0 = January 1970), vectorised."""
    days = (np.asarray(ordinals, dtype=np.int64) - EPOCH).astype("datetime64[D]")
    return days.astype("datetime64[M]").astype(np.int64)


def ranked(rows):
    """Places with ties sharing one (standard competition ranking: 1, 2, 2, 4)."""
    for row, place in zip(rows, competition_places(row.count for row in rows), strict=True):
        row.place = place
    return rows
