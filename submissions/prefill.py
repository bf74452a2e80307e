"""The share form opened from a workshop's thank-you email (events.mailings.share_link):
``/ilmianna/?tapahtuma=<event id>&organisaatio=<Finnish name>&teema=<theme slug>``, or
from a closed coaching's email (coaching.sharing.share_url): ``?sparraus=<signed
token>&organisaatio=…``.

A new draft starts with the organisation and the theme filled in, and the draft
records the event or the coaching, so moderators see where the deed was developed.
The coaching comes only with its signed token (an id alone would let anyone tie a deed
to any coaching). Each value stands
on its own: an unknown or malformed one is ignored (the form opens as usual), never an
error — the link comes from our own email, and anything else in it is not a person's
mistake to correct.
"""

import re

from coaching import sharing
from events.models import Event
from taxonomy.models import Theme

from .forms import clean_text, organisation_named

EVENT_PARAMETER = "tapahtuma"
SLUG = re.compile(r"^[-a-z0-9_]{1,80}$")
TOKEN = re.compile(r"^[-A-Za-z0-9_.:]{1,200}$")
COACHING_PARAMETER = sharing.PARAMETER


def event_of(value):
    """The public event an id names, or None."""
    value = str(value or "")
    if not (value.isascii() and value.isdecimal() and len(value) <= 18):
        return None
    return Event.objects.public().filter(pk=int(value)).first()


def coaching_of(value):
    """The realised coaching a share token names, or None (forged, malformed, or the
    coaching's links ended when it was anonymised)."""
    value = str(value or "")
    if not TOKEN.match(value):
        return None
    application = sharing.application_by_share_token(value)
    if application is None or not application.link_salt:
        return None
    return application


def coaching_token(application):
    """The token a new draft's form carries along until its first save."""
    return sharing.share_token(application)


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
