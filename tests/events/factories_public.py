"""Events and registrations for the public pages' tests, made through the services (as
staff and registrants make them)."""

import re
from datetime import timedelta

from django.utils import timezone

from events import services
from events.models import EventKind, Role

DAY = timedelta(days=1)


def make_event(*, publish=True, themes=(), sectors=(), deeds=(), **fields):
    start = fields.pop("starts_at", None) or timezone.now() + 10 * DAY
    values = {
        "kind": EventKind.WORKSHOP,
        "title_fi": "Kehittämistyöpaja",
        "summary_fi": "Opitaan yhdessä arjen parannuksista.",
        "starts_at": start,
        "ends_at": start + timedelta(hours=2),
        "venue": "Kuntatalo",
        "address": "Toinen linja 14",
        **fields,
    }
    event = services.event_create(actor=None, themes=themes, sectors=sectors, deeds=deeds, **values)
    if publish:
        event = services.event_publish(event, actor=None)
    return event


def register(event, email, **fields):
    values = {
        "name": "Testi Henkilö",
        "email": email,
        "role": Role.EMPLOYEE,
        "language": "fi",
        "consent_version": "test",
        "organisation_name": "Testilän kunta",
        **fields,
    }
    return services.registration_create(event, **values)[0]


def manage_url(registration):
    return f"/tapahtumat/ilmoittautuminen/{services.registration_token(registration)}/"


def form_values(organisation=None, **changes):
    values = {
        "name": "Maija Meikäläinen",
        "email": "maija@example.fi",
        "organisation_name": organisation.name_fi if organisation else "",
        "role": "employee",
        "language": "fi",
        "accessibility_needs": "",
        "diet": "",
        "consent": "on",
        "action": "register",
    }
    if organisation is None:
        values["organisation_missing"] = "on"
        values["new_organisation_name"] = "Pikkukylän osuuskunta"
    values.update(changes)
    return {k: v for k, v in values.items() if v is not None}


def post_registration(client, event, values, *, prefix=""):
    """Open the form (for its signed start time) and send it, as a browser would."""
    url = f"{prefix}/tapahtumat/{event.pk}/ilmoittaudu/"
    page = client.get(url).content.decode()
    found = re.search(r'name="started" value="([^"]+)"', page)
    started = found.group(1) if found else ""
    return client.post(url, {"started": started, **values})
