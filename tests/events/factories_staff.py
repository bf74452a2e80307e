"""Events and registrations for the staff pages' tests, made through the services (so
the waiting list, its order and the audit are as on the site)."""

import datetime as dt

from django.utils import timezone

from accounts.models import User
from events.models import Event
from events.services import event_create, event_publish, registration_create
from tests.organisations.factories import OrganisationFactory

_people = iter(range(1, 10**6))


def staff_member(email="tapahtumat@example.fi"):
    return User.objects.create_user(email=email, password="x", is_staff=True)


def event(*, published=True, starts_in=dt.timedelta(days=7), hours=2, actor=None, **fields):
    starts = timezone.now() + starts_in
    values = {
        "kind": "workshop",
        "title_fi": "Työpaja: kehittäminen arjessa",
        "summary_fi": "Käytännön työpaja kunta-alan kehittäjille.",
        "starts_at": starts,
        "ends_at": starts + dt.timedelta(hours=hours),
        "venue": "Kuntatalo",
        **fields,
    }
    created = event_create(actor=actor, **values)
    if published:
        created = event_publish(created, actor=actor)
    return Event.objects.get(pk=created.pk)


def past_event(**fields):
    """A published event that is over: created ahead, then moved back in time (the
    services refuse nothing here; only the dates change)."""
    made = event(**fields)
    Event.objects.filter(pk=made.pk).update(
        starts_at=timezone.now() - dt.timedelta(days=3),
        ends_at=timezone.now() - dt.timedelta(days=3) + dt.timedelta(hours=2),
    )
    return Event.objects.get(pk=made.pk)


def register(an_event, name=None, *, organisation=None, **fields):
    n = next(_people)
    values = {
        "name": name or f"Henkilö {n}",
        "email": f"osallistuja{n}@example.fi",
        "role": "employee",
        "language": "fi",
        "consent_version": "2026-12-02",
        "organisation": organisation,
        **fields,
    }
    if organisation is None and "organisation_name" not in fields:
        values["organisation_name"] = "Pienkunnan sote"
    registration, _created = registration_create(an_event, **values)
    return registration


def organisation(**fields):
    return OrganisationFactory(**fields)
