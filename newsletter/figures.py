"""The newsletter's figures, counted from the rows: subscribers per year and month,
what the current subscribers chose, the issues sent and the visits they brought.

A subscriber counts from their confirmation (``confirmed_at``) until they left
(``left_at``: unsubscribed, or set aside after bounces); a subscription never confirmed
never counts. Years and months are Finnish time. Visits per issue are the visitor
analytics' daily totals of page views that came through the issue's links
(analytics' "uutiskirje:<key>" referrer), up to the last rollup, as on its dashboard.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, DateField
from django.db.models.functions import TruncMonth
from django.utils import timezone

from analytics.models import ReferrerDay
from organisations.models import Region
from taxonomy.models import Sector, Theme

from .models import Issue, Subscriber, SubscriberStatus

MOMENT = dt.timedelta(microseconds=1)


@dataclass(frozen=True)
class Month:
    month: dt.date  # its first day
    joined: int
    left: int
    subscribers_at_end: int


@dataclass(frozen=True)
class YearFigures:
    year: int
    subscribers_at_year_end: int
    joined: int
    left: int
    issues: int
    months: list


@dataclass(frozen=True)
class IssueVisits:
    issue: Issue
    views: int
    visitors: int


def _start(year, month=1):
    return timezone.make_aware(dt.datetime(year, month, 1))


def _per_month(rows, field):
    """{first day of a month: rows in it}, months in Finnish time."""
    month = TruncMonth(field, output_field=DateField())
    return dict(
        rows.order_by()
        .annotate(month=month)
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )


def year_figures(year, *, now=None):
    """The year's figures; months of the current year up to the current one."""
    now = now or timezone.now()
    start, end = _start(year), _start(year + 1)
    joined = Subscriber.objects.filter(confirmed_at__gte=start, confirmed_at__lt=end)
    left = Subscriber.objects.filter(left_at__gte=start, left_at__lt=end)
    joined_per_month = _per_month(joined, "confirmed_at")
    left_per_month = _per_month(left, "left_at")
    if end <= now:
        last_month = 12
    elif start <= now:
        last_month = timezone.localdate(now).month
    else:
        last_month = 0  # a year to come
    months = []
    for number in range(1, last_month + 1):
        first = dt.date(year, number, 1)
        month_end = _start(year + number // 12, number % 12 + 1) - MOMENT
        months.append(
            Month(
                month=first,
                joined=joined_per_month.get(first, 0),
                left=left_per_month.get(first, 0),
                subscribers_at_end=Subscriber.objects.subscribed_on(month_end).count(),
            )
        )
    return YearFigures(
        year=year,
        subscribers_at_year_end=Subscriber.objects.subscribed_on(end - MOMENT).count(),
        joined=joined.count(),
        left=left.count(),
        issues=Issue.objects.sent().filter(sent_at__gte=start, sent_at__lt=end).count(),
        months=months,
    )


def counted_years(now=None):
    """Years with anything to count, newest first, the current one always."""
    years = {timezone.localdate(now or timezone.now()).year}
    for field in ("confirmed_at", "left_at"):
        years.update(d.year for d in Subscriber.objects.dates(field, "year"))
    years.update(d.year for d in Issue.objects.sent().dates("sent_at", "year"))
    return sorted(years, reverse=True)


def by_language():
    """[(code, name, current subscribers)] in every language of the site."""
    counts = dict(
        Subscriber.objects.confirmed()
        .order_by()
        .values("language")
        .annotate(n=Count("pk"))
        .values_list("language", "n")
    )
    return [(code, name, counts.get(code, 0)) for code, name in settings.LANGUAGES]


def _topic_counts(field, model):
    """[(term, current subscribers who chose it)] for every term, zeros too."""
    through = Subscriber._meta.get_field(field).remote_field.through
    column = Subscriber._meta.get_field(field).m2m_reverse_field_name()
    counts = dict(
        through.objects.filter(subscriber__status=SubscriberStatus.CONFIRMED)
        .order_by()
        .values(column)
        .annotate(n=Count("pk"))
        .values_list(column, "n")
    )
    return [(term, counts.get(term.pk, 0)) for term in model.objects.all()]


def by_topic():
    """What the current subscribers receive: the whole newsletter, and new deeds of
    which sectors, themes and regions."""
    current = Subscriber.objects.confirmed()
    return {
        "subscribers": current.count(),
        "newsletter": current.filter(wants_newsletter=True).count(),
        "sectors": _topic_counts("sectors", Sector),
        "themes": _topic_counts("themes", Theme),
        "regions": _topic_counts("regions", Region),
    }


def issue_visits(year):
    """The year's sent issues, first sent first, with the visits through their links."""
    start, end = _start(year), _start(year + 1)
    issues = list(
        Issue.objects.sent().filter(sent_at__gte=start, sent_at__lt=end).order_by("sent_at", "pk")
    )
    visits = ReferrerDay.objects.newsletter_issues([issue.key for issue in issues])
    return [
        IssueVisits(
            issue=issue,
            views=visits.get(issue.key, {}).get("views", 0),
            visitors=visits.get(issue.key, {}).get("visitors", 0),
        )
        for issue in issues
    ]
