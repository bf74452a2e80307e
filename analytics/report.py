"""What the staff dashboard shows for a period, read from the daily totals only."""

from datetime import date, timedelta

from django.db.models import Max, Sum
from django.utils import formats
from django.utils.translation import gettext as _

from core.charts import Band, Point, timeline
from deeds.models import Deed

from .models import NEWSLETTER_REFERRER, DeedDay, ReferrerDay, SearchDay, SiteDay

TOP_ROWS = 20
# Up to about three months one bar per day stays readable; longer periods get months.
DAILY_UP_TO_DAYS = 92


class Period(Point):
    """A day or a month of the dashboard: page views are the timeline's columns and
    visits its line."""

    @property
    def views(self):
        return self.count

    @property
    def visitors(self):
        return self.line


def _next_month(day):
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def daily_points(start, end):
    rows = {row["day"]: row for row in SiteDay.objects.between(start, end).values()}
    points = []
    for n in range((end - start).days + 1):
        day = start + timedelta(days=n)
        row = rows.get(day, {})
        points.append(
            Period(
                start=day,
                end=day,
                label=formats.date_format(day, "MONTH_DAY_FORMAT"),
                count=row.get("views", 0),
                line=row.get("visitors", 0),
            )
        )
    return points


def monthly_points(start, end):
    rows = {row["month"]: row for row in SiteDay.objects.between(start, end).per_month()}
    points = []
    month = date(start.year, start.month, 1)
    while month <= end:
        following = _next_month(month)
        row = rows.get(month, {})
        points.append(
            Period(
                start=max(month, start),
                end=min(following - timedelta(days=1), end),
                label=formats.date_format(month, "n/Y"),
                count=row.get("views", 0),
                line=row.get("visitors", 0),
            )
        )
        month = following
    return points


def top_deeds(start, end):
    rows = list(DeedDay.objects.between(start, end).top(TOP_ROWS))
    deeds = Deed.objects.only("pk", "title", "slug").in_bulk([row["deed_id"] for row in rows])
    return [{**row, "deed": deeds[row["deed_id"]]} for row in rows if row["deed_id"] in deeds]


def referrer_label(host):
    """A referring site's host, or for visits through a newsletter's link its issue."""
    if host.startswith(NEWSLETTER_REFERRER):
        return _("Newsletter %(issue)s") % {"issue": host.removeprefix(NEWSLETTER_REFERRER)}
    return host


def referrers(start, end):
    rows = ReferrerDay.objects.between(start, end)
    top = [{**row, "label": referrer_label(row["host"])} for row in rows.top(TOP_ROWS)]
    newsletter = rows.filter(host__startswith=NEWSLETTER_REFERRER).aggregate(
        views=Sum("views", default=0), visitors=Sum("visitors", default=0)
    )
    return top, newsletter


def period_report(start, end, *, compare=None, bands=()):
    """Every figure of the dashboard for ``start..end``. ``compare`` is a (first, last)
    period to set against the 30 days before it; ``bands`` are extra periods to mark on
    the timeline (campaigns, when the recognition app has them)."""
    monthly = (end - start).days + 1 > DAILY_UP_TO_DAYS
    points = monthly_points(start, end) if monthly else daily_points(start, end)
    bands = list(bands)
    comparison = None
    if compare:
        comparison = SiteDay.objects.compare(*compare)
        bands.append(Band(compare[0], compare[1], _("Compared period")))
    totals = SiteDay.objects.between(start, end).totals()
    days = (end - start).days + 1
    top_referrers, newsletter = referrers(start, end)
    return {
        "start": start,
        "end": end,
        "monthly": monthly,
        "points": points,
        "chart": timeline(points, bands),
        "totals": totals,
        "days": days,
        "visitors_per_day": round(totals["visitors"] / days, 1),
        "top_deeds": top_deeds(start, end),
        "top_searches": SearchDay.objects.between(start, end).top(TOP_ROWS),
        "searches_per_source": SearchDay.objects.between(start, end).per_source(),
        "searches_without_results": SearchDay.objects.between(start, end).top_without_results(
            TOP_ROWS
        ),
        "referrers": top_referrers,
        # Every issue's visits together, also when some issues are not in the top rows.
        "newsletter": newsletter,
        "comparison": comparison,
        "rolled_up_at": SiteDay.objects.aggregate(last=Max("rolled_up_at"))["last"],
    }
