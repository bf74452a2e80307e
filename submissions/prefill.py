"""The share form opened from a workshop's thank-you email (events.mailings.share_link):
``/ilmianna/?tapahtuma=<event id>&organisaatio=<Finnish name>&teema=<theme slug>``.

A new draft starts with the organisation and the theme filled in, and the draft
records the event, so moderators see where the deed was developed. Each value stands
on its own: an unknown or malformed one is ignored (the form opens as usual), never an
error — the link comes from our own email, and anything else in it is not a person's
mistake to correct.
"""

import re

from events.models import Event
from taxonomy.models import Theme

from .forms import clean_text, organisation_named

EVENT_PARAMETER = "tapahtuma"
SLUG = re.compile(r"^[-a-z0-9_]{1,80}$")


def event_of(value):
    """The public event an id names, or None."""
    value = str(value or "")
    if not (value.isascii() and value.isdecimal() and len(value) <= 18):
        return None
    return Event.objects.public().filter(pk=int(value)).first()


def initial_values(params):
    """(the form's initial values, the event) from the link's query."""
    initial = {}
    organisation = organisation_named(clean_text(params.get("organisaatio", ""))[:200])
    if organisation is not None:
        initial["organisation_name"] = organisation.name_fi
    slug = params.get("teema", "")
    theme = Theme.objects.active().filter(slug=slug).first() if SLUG.match(slug) else None
    if theme is not None:
        initial["themes"] = [str(theme.pk)]
    return initial, event_of(params.get(EVENT_PARAMETER))
