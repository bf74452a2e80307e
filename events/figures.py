"""The figures the programme reports about its events, counted from the registrations.

Registrants are the confirmed registrations (cancelled ones and people still waiting
are not registrants); attendees those marked as attending; organisations are counted
distinct (events.models.RegistrationQuerySet.organisations_count); the employee share
is of the registrants whose role is "employee". Anonymised registrations count like
any other: anonymisation keeps exactly what these need.
"""

from dataclasses import asdict, dataclass

from django.db.models import Count, Q

from .models import Event, EventKind, Registration, RegistrationStatus, Role


@dataclass(frozen=True)
class Figures:
    events: int
    registrants: int
    attendees: int
    organisations: int
    employee_share: float | None  # 0..1, None without registrants
    waitlisted: int
    waitlist_peak: int
    cancellations: int

    def as_dict(self):
        return asdict(self)


def _figures(registrations, *, events, waitlist_peak):
    counts = registrations.aggregate(
        registrants=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        employees=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED, role=Role.EMPLOYEE)),
        attendees=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED, attended=True)),
        waitlisted=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
        cancellations=Count(
            "pk", filter=Q(status=RegistrationStatus.CANCELLED, confirmed_at__isnull=False)
        ),
    )
    registrants = counts["registrants"]
    return Figures(
        events=events,
        registrants=registrants,
        attendees=counts["attendees"],
        organisations=registrations.confirmed().organisations_count(),
        employee_share=round(counts["employees"] / registrants, 3) if registrants else None,
        waitlisted=counts["waitlisted"],
        waitlist_peak=waitlist_peak,
        cancellations=counts["cancellations"],
    )


def event_figures(event):
    return _figures(
        Registration.objects.filter(event=event), events=1, waitlist_peak=event.waitlist_peak
    )


def events_figures(events):
    """Totals over several events: organisations distinct across all of them."""
    events = list(events)
    return _figures(
        Registration.objects.filter(event__in=[e.pk for e in events]),
        events=len(events),
        waitlist_peak=max((e.waitlist_peak for e in events), default=0),
    )


def year_figures(year):
    """Per kind, the year's published (not cancelled) events: ``[(kind, Figures)]`` in
    the kinds' order, kinds without events left out."""
    rows = []
    events = Event.objects.filter(status="published").in_year(year)
    for kind in EventKind:
        of_kind = list(events.filter(kind=kind))
        if of_kind:
            rows.append((kind, events_figures(of_kind)))
    return rows


def organisation_participation(organisation):
    """An organisation's confirmed registrations per event, newest first:
    ``[(event, registrants, attendees)]`` for its page (staff and its editors)."""
    rows = (
        Registration.objects.filter(organisation=organisation)
        .confirmed()
        .values("event")
        .annotate(registrants=Count("pk"), attendees=Count("pk", filter=Q(attended=True)))
    )
    counts = {row["event"]: row for row in rows}
    events = Event.objects.filter(pk__in=counts).order_by("-starts_at")
    return [
        (event, counts[event.pk]["registrants"], counts[event.pk]["attendees"]) for event in events
    ]
