"""Events through the services, as staff and the public make them."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from events.services import event_create, event_publish, registration_create

_n = iter(range(1, 10**9))


def published_event(*, days_ahead=7, hours=2, capacity=None, **fields):
    starts = timezone.now() + timedelta(days=days_ahead)
    fields = {
        "kind": "workshop",
        "title_fi": f"Työpaja {next(_n)}",
        "summary_fi": "Kehitetään yhdessä.",
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=hours),
        "capacity": capacity,
        **fields,
    }
    return event_publish(event_create(actor=None, **fields), actor=None)


def register(event, email=None, **fields):
    n = next(_n)
    fields = {
        "name": f"Henkilö {n}",
        "email": email or f"henkilo{n}@example.fi",
        "role": "employee",
        "language": "fi",
        "consent_version": settings.PRIVACY_NOTICE_VERSION,
        **fields,
    }
    return registration_create(event, **fields)[0]
