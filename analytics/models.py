"""Cookieless visitor analytics: raw hits for a few days, daily totals for good.

A raw ``Hit`` holds the day, the page's path, the deed it showed, the referring site's
host and a visitor hash: HMAC of address and browser under a salt that exists for one
day only (``DailySalt``). Once the salt is deleted nobody, not even with the database
and the secret key, can turn a hash back into an address or link it to another day's
hash. Searches are counted apart from hits, so no row says what one visitor searched.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import models
from django.db.models import Count, Min, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PATH_LENGTH = 200
HOST_LENGTH = 100
QUERY_LENGTH = 100
# A page view that came through a link of a newsletter issue (utm_source=uutiskirje and
# the issue's key in utm_campaign: newsletter/compose.py) is counted as referred by
# "uutiskirje:<key>" in place of a host, so each issue's visits are summed like a
# referring site's. The newsletter reads them back (newsletter/figures.py); analytics
# knows only this convention, not the newsletter.
NEWSLETTER_SOURCE = "uutiskirje"
NEWSLETTER_REFERRER = f"{NEWSLETTER_SOURCE}:"
NEWSLETTER_KEY = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")


class DailySalt(models.Model):
    """The random key of one day's visitor hashes; deleted when the day is over."""

    day = models.DateField(_("day"), unique=True)
    salt = models.CharField(_("salt"), max_length=64)

    class Meta:
        verbose_name = _("daily salt")
        verbose_name_plural = _("daily salts")

    def __str__(self):
        return str(self.day)


class HitQuerySet(models.QuerySet):
    def on(self, day):
        return self.filter(day=day)

    def figures(self):
        """Page views and distinct visitors (what every rollup must equal)."""
        return self.aggregate(views=Count("id"), visitors=Count("visitor", distinct=True))

    def grouped(self, field):
        """Page views and distinct visitors per value of ``field``."""
        return (
            self.values(field)
            .annotate(views=Count("id"), visitors=Count("visitor", distinct=True))
            .order_by()
        )


class Hit(models.Model):
    """One counted page view, kept ANALYTICS_RAW_DAYS days. Nothing else about the request."""

    day = models.DateField(_("day"), db_index=True)
    path = models.CharField(_("path"), max_length=PATH_LENGTH)
    deed = models.ForeignKey(
        "deeds.Deed", verbose_name=_("deed"), null=True, blank=True, on_delete=models.SET_NULL
    )
    visitor = models.CharField(_("visitor hash"), max_length=16)
    referrer_host = models.CharField(_("referring site"), max_length=HOST_LENGTH, blank=True)

    objects = HitQuerySet.as_manager()

    class Meta:
        verbose_name = _("page view")
        verbose_name_plural = _("page views")

    def __str__(self):
        return f"{self.day} {self.path}"


class SearchSource(models.TextChoices):
    """Where a search was submitted: staff read the site's own searches and the open
    data API's apart (a program's queries are not what visitors look for)."""

    SITE = "site", _("Header search box or a link")
    LIST = "list", _("Search box of a deed list")
    API = "api", _("Open data API")


class SearchHit(models.Model):
    """One search as typed (normalised) and whether it found anything; no visitor."""

    day = models.DateField(_("day"), db_index=True)
    query = models.CharField(_("search words"), max_length=QUERY_LENGTH)
    results = models.PositiveIntegerField(_("results"))
    source = models.CharField(
        _("where submitted"), max_length=4, choices=SearchSource, default=SearchSource.SITE
    )

    class Meta:
        verbose_name = _("search")
        verbose_name_plural = _("searches")

    def __str__(self):
        return f"{self.day} {self.query}"


@dataclass(frozen=True)
class Comparison:
    """Visits per day during a period (a campaign) and in the days just before it."""

    start: date
    end: date
    days: int
    visitors_per_day: float
    views_per_day: float
    before_start: date | None
    before_days: int
    before_visitors_per_day: float
    before_views_per_day: float

    @property
    def change_percent(self):
        if not self.before_visitors_per_day:
            return None
        return round(100 * (self.visitors_per_day / self.before_visitors_per_day - 1))

    @property
    def change_text(self):
        """The change with its sign, e.g. "+12" or "-3"."""
        change = self.change_percent
        return "" if change is None else f"{change:+d}"


class SiteDayQuerySet(models.QuerySet):
    def between(self, start, end):
        return self.filter(day__gte=start, day__lte=end)

    def totals(self):
        figures = self.aggregate(views=Sum("views"), visitors=Sum("visitors"))
        return {key: value or 0 for key, value in figures.items()}

    def per_month(self):
        """Months with their summed figures. A month's visitors are the sum of its daily
        visitors: the hash changes every day, so one person on two days counts twice."""
        return (
            self.annotate(month=TruncMonth("day"))
            .values("month")
            .annotate(views=Sum("views"), visitors=Sum("visitors"))
            .order_by("month")
        )

    def compare(self, start, end, *, before_days=30, today=None):
        """Average visitors and page views per day in ``start..end`` against the
        ``before_days`` days before ``start``. Days without visits count as zero, but
        nothing before the first recorded day does (the site was not counting yet), and
        a period that has not ended yet counts up to today."""
        today = today or timezone.localdate()
        end = min(end, today)
        first = self.aggregate(first=Min("day"))["first"]
        before_start = start - timedelta(days=before_days)
        if first and before_start < first:
            before_start = first
        before_end = start - timedelta(days=1)
        days = max((end - start).days + 1, 0)
        before = max((before_end - before_start).days + 1, 0) if first else 0
        during = self.between(start, end).totals()
        earlier = self.between(before_start, before_end).totals() if before else None

        def per_day(value, count):
            return round(value / count, 1) if count else 0.0

        return Comparison(
            start=start,
            end=end,
            days=days,
            visitors_per_day=per_day(during["visitors"], days),
            views_per_day=per_day(during["views"], days),
            before_start=before_start if before else None,
            before_days=before,
            before_visitors_per_day=per_day(earlier["visitors"], before) if before else 0.0,
            before_views_per_day=per_day(earlier["views"], before) if before else 0.0,
        )


class SiteDay(models.Model):
    """Page views and unique visitors of the whole site on one day.

    The row also records when the day was last rolled up: a day is settled once it was
    rolled up after it ended, and is then not recomputed unless asked for.
    """

    day = models.DateField(_("day"), unique=True)
    views = models.PositiveIntegerField(_("page views"), default=0)
    visitors = models.PositiveIntegerField(_("visitors"), default=0)
    rolled_up_at = models.DateTimeField(_("rolled up at"), null=True, blank=True)

    objects = SiteDayQuerySet.as_manager()

    class Meta:
        verbose_name = _("day's visits")
        verbose_name_plural = _("days' visits")
        ordering = ["-day"]

    def __str__(self):
        return f"{self.day}: {self.visitors} / {self.views}"


class PeriodQuerySet(models.QuerySet):
    def between(self, start, end):
        return self.filter(day__gte=start, day__lte=end)

    def top_by(self, key, limit):
        """The ``limit`` values of ``key`` with the most page views in these days."""
        return (
            self.values(key)
            .annotate(views=Sum("views"), visitors=Sum("visitors"))
            .order_by("-views", key)[:limit]
        )


class PageDay(models.Model):
    day = models.DateField(_("day"))
    path = models.CharField(_("path"), max_length=PATH_LENGTH)
    views = models.PositiveIntegerField(_("page views"), default=0)
    visitors = models.PositiveIntegerField(_("visitors"), default=0)

    objects = PeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("page's day")
        verbose_name_plural = _("pages' days")
        constraints = [models.UniqueConstraint(fields=["day", "path"], name="one_page_per_day")]

    def __str__(self):
        return f"{self.day} {self.path}"


class DeedDayQuerySet(PeriodQuerySet):
    def views_by_deed(self, deed_ids, *, start=None, end=None):
        """``{deed_id: page views}`` for the given deeds (all time, or ``start..end``);
        deeds nobody viewed are left out. For the editors' page: one query."""
        rows = self.filter(deed_id__in=list(deed_ids))
        if start:
            rows = rows.filter(day__gte=start)
        if end:
            rows = rows.filter(day__lte=end)
        return dict(
            rows.values("deed_id").annotate(total=Sum("views")).values_list("deed_id", "total")
        )

    def top(self, limit):
        return self.top_by("deed_id", limit)


class DeedDay(models.Model):
    day = models.DateField(_("day"))
    deed = models.ForeignKey("deeds.Deed", verbose_name=_("deed"), on_delete=models.CASCADE)
    views = models.PositiveIntegerField(_("page views"), default=0)
    visitors = models.PositiveIntegerField(_("visitors"), default=0)

    objects = DeedDayQuerySet.as_manager()

    class Meta:
        verbose_name = _("deed's day")
        verbose_name_plural = _("deeds' days")
        constraints = [models.UniqueConstraint(fields=["day", "deed"], name="one_deed_per_day")]

    def __str__(self):
        return f"{self.day} {self.deed_id}"


class ReferrerDayQuerySet(PeriodQuerySet):
    def top(self, limit):
        return self.top_by("host", limit)

    def newsletter_issues(self, keys):
        """``{issue key: {"views": …, "visitors": …}}`` of the visits that came through
        these newsletter issues' links; issues nobody came through are left out. A
        visitor is one per day, as everywhere on the dashboard."""
        rows = (
            self.filter(host__in=[NEWSLETTER_REFERRER + key for key in keys])
            .values("host")
            .annotate(views=Sum("views"), visitors=Sum("visitors"))
            .order_by()
        )
        return {
            row["host"].removeprefix(NEWSLETTER_REFERRER): {
                "views": row["views"],
                "visitors": row["visitors"],
            }
            for row in rows
        }


class ReferrerDay(models.Model):
    day = models.DateField(_("day"))
    host = models.CharField(_("referring site"), max_length=HOST_LENGTH)
    views = models.PositiveIntegerField(_("page views"), default=0)
    visitors = models.PositiveIntegerField(_("visitors"), default=0)

    objects = ReferrerDayQuerySet.as_manager()

    class Meta:
        verbose_name = _("referring site's day")
        verbose_name_plural = _("referring sites' days")
        constraints = [models.UniqueConstraint(fields=["day", "host"], name="one_host_per_day")]

    def __str__(self):
        return f"{self.day} {self.host}"


class SearchDayQuerySet(PeriodQuerySet):
    def per_source(self):
        """``{source: searches}`` with every source, zero included."""
        totals = dict(self.values("source").annotate(n=Sum("searches")).values_list("source", "n"))
        return [(label, totals.get(value, 0)) for value, label in SearchSource.choices]

    def summed(self):
        """Per search words; the "other searches" rows (rare words dropped after the raw
        period, analytics.services.rare_searches_forget) count in totals, not here."""
        by_source = {
            f"from_{value}": Sum("searches", filter=Q(source=value), default=0)
            for value in SearchSource.values
        }
        # The per-source sums first: after it, "searches" names the total.
        return (
            self.exclude(query="")
            .values("query")
            .annotate(**by_source)
            .annotate(searches=Sum("searches"), zero_results=Sum("zero_results"))
        )

    def top(self, limit):
        return self.summed().order_by("-searches", "query")[:limit]

    def top_without_results(self, limit):
        return self.summed().filter(zero_results__gt=0).order_by("-zero_results", "query")[:limit]


class SearchDay(models.Model):
    day = models.DateField(_("day"))
    query = models.CharField(_("search words"), max_length=QUERY_LENGTH)
    source = models.CharField(
        _("where submitted"), max_length=4, choices=SearchSource, default=SearchSource.SITE
    )
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_results = models.PositiveIntegerField(_("searches without results"), default=0)

    objects = SearchDayQuerySet.as_manager()

    class Meta:
        verbose_name = _("search's day")
        verbose_name_plural = _("searches' days")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "query", "source"], name="one_query_per_source_and_day"
            )
        ]

    def __str__(self):
        return f"{self.day} {self.query}"
