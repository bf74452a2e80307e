"""Events and registrations for the API, mail and demo tests, made through the services
(events/services.py) as staff and registrants make them."""

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

from events.services import event_create, event_publish, registration_create

HELSINKI = ZoneInfo("Europe/Helsinki")
_addresses = itertools.count(1)


def at(year, month, day, hour=9):
    return dt.datetime(year, month, day, hour, tzinfo=HELSINKI)


def make_event(*, publish=True, starts_at=None, hours=3, themes=(), deeds=(), **fields):
    starts_at = starts_at or at(2031, 3, 10)
    event = event_create(
        actor=None,
        themes=themes,
        deeds=deeds,
        **{
            "kind": "workshop",
            "title_fi": "Työpaja",
            "summary_fi": "Kehitetään yhdessä.",
            "starts_at": starts_at,
            "ends_at": starts_at + dt.timedelta(hours=hours),
            **fields,
        },
    )
    return event_publish(event, actor=None) if publish else event


def register(event, *, organisation=None, organisation_name="", role="employee", **fields):
    n = next(_addresses)
    registration, _created = registration_create(
        event,
        **{
            "name": f"Osallistuja {n}",
            "email": f"osallistuja{n}@example.com",
            "role": role,
            "language": "fi",
            "consent_version": "2026-12",
            "organisation": organisation,
            "organisation_name": organisation_name,
            **fields,
        },
    )
    return registration
