"""/api/v1/events/ and /api/v1/stats/events: the programme's public events and the
figures it reports about them.

Counts only, never people: a registration is a person, so the API answers with how
many registered, attended and waited, and from how many organisations, as the
programme's reports do (events/figures.py), and nothing that names anyone.

Queries are constant per request, whatever the number of events or registrations:
one count, one page of events (with their series) and one aggregate over the page's
registrations (the ``(event, status, …)`` index narrows it to those events).
"""

import re

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue.listing import valid_year
from events.figures import year_figures
from events.models import Event, EventKind, Registration, RegistrationStatus, Series

from . import representations as rep
from .views import DEFAULT_PAGE_SIZE, BadRequestError, api_view, json, page_url, positive_int

BOOLEAN = {"true": True, "false": False}
SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,80}$")


def year_parameter(request, *, required=False):
    year = request.GET.get("year", "").strip()
    if not year:
        if required:
            raise BadRequestError(_("Give the year, such as year=2024."))
        return None
    if not valid_year(year):
        raise BadRequestError(_("year must be a year such as 2024."))
    return int(year)


def filtered_events(request):
    """The public events (published or cancelled, never drafts) the filters ask for."""
    events = Event.objects.public()
    year = year_parameter(request)
    if year is not None:
        events = events.in_year(year)
    kind = request.GET.get("kind", "").strip()
    if kind:
        if kind not in EventKind.values:
            raise BadRequestError(
                _("kind must be one of: %(choices)s.") % {"choices": ", ".join(EventKind.values)}
            )
        events = events.filter(kind=kind)
    slug = request.GET.get("series", "").strip()
    if slug:
        # Checked before the lookup: PostgreSQL refuses some characters (NUL) outright.
        series = Series.objects.filter(slug=slug).first() if SLUG.match(slug) else None
        if series is None:
            raise BadRequestError(_("Unknown series: “%(value)s”.") % {"value": slug[:80]})
        events = events.filter(series=series)
    upcoming = request.GET.get("upcoming", "").strip().lower()
    if upcoming:
        if upcoming not in BOOLEAN:
            raise BadRequestError(_("upcoming must be true or false."))
        now = timezone.now()
        events = events.upcoming(now) if BOOLEAN[upcoming] else events.past(now)
    return events


def registration_counts(event_ids):
    """{event id: counts} in one query. Registrants are the confirmed registrations,
    attendees those of them marked as attending, organisations distinct among them as
    RegistrationQuerySet.organisations_count counts (listed ones by id, unlisted ones
    by their name, case-insensitive)."""
    confirmed = Q(status=RegistrationStatus.CONFIRMED)
    unlisted = confirmed & Q(organisation=None) & ~Q(organisation_name="")
    rows = (
        Registration.objects.filter(event__in=event_ids)
        .order_by()
        .values("event")
        .annotate(
            registrations=Count("pk", filter=confirmed),
            attendees=Count("pk", filter=confirmed & Q(attended=True)),
            waitlisted=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
            listed=Count("organisation", filter=confirmed, distinct=True),
            unlisted=Count(Lower("organisation_name"), filter=unlisted, distinct=True),
        )
    )
    return {row.pop("event"): row for row in rows}


@api_view
def event_list(request, language):
    """Public events in time order (the soonest first), with their figures."""
    page_size = positive_int(request, "page_size", DEFAULT_PAGE_SIZE, settings.API_MAX_PAGE_SIZE)
    page = positive_int(request, "page", 1, maximum=10**6)
    events = filtered_events(request)
    total = events.count()
    pages = max(1, -(-total // page_size))
    if page > pages:
        raise BadRequestError(
            _("Page %(page)d does not exist: there are %(pages)d pages.")
            % {"page": page, "pages": pages}
        )
    start = (page - 1) * page_size
    rows = list(
        events.select_related("series").order_by("starts_at", "pk")[start : start + page_size]
    )
    counts = registration_counts([event.pk for event in rows])
    return json(
        {
            "count": total,
            "next": page_url(request, page + 1) if page < pages else None,
            "previous": page_url(request, page - 1) if page > 1 else None,
            "results": [rep.event_summary(event, counts.get(event.pk)) for event in rows],
        }
    )


@api_view
def event_stats(request, language):
    """The year's published events per kind: what the programme reports."""
    year = year_parameter(request, required=True)
    return json(
        {
            "year": year,
            "kinds": [
                {
                    "kind": kind.value,
                    "label": str(kind.label),
                    "events": figures.events,
                    "registrants": figures.registrants,
                    "attendees": figures.attendees,
                    "organisations": figures.organisations,
                    "employee_share": figures.employee_share,
                }
                for kind, figures in year_figures(year)
            ],
        }
    )
