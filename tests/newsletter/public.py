"""Helpers for the public newsletter pages' tests: posting the forms as a browser does."""

import re

from emails.models import OutgoingEmail
from newsletter.models import Subscriber

STARTED = re.compile(r'name="started" value="([^"]+)"')


def started_from(client, url="/uutiskirje/"):
    """The signed time a form was opened, from the page that draws it."""
    found = STARTED.search(client.get(url).content.decode())
    return found.group(1) if found else ""


def form_values(**changes):
    values = {
        "email": "lukija@example.fi",
        "language": "fi",
        "wants_newsletter": "on",
        "consent": "on",
        **changes,
    }
    return {key: value for key, value in values.items() if value is not None}


def post_subscribe(client, values=None, *, prefix="", opened=None, **headers):
    """Open the page (for its start time; ``opened``: another page with the footer's
    form) and send the form to the newsletter page of ``prefix`` ("/sv", "/en")."""
    values = form_values() if values is None else values
    started = started_from(client, opened or f"{prefix}/uutiskirje/")
    return client.post(f"{prefix}/uutiskirje/", {"started": started, **values}, **headers)


def emails():
    """The messages stored in the outbox (sent on commit, which a test never reaches)."""
    return list(OutgoingEmail.objects.order_by("pk"))


def link_in_last_email(kind):
    """The path of the newsletter link of ``kind`` (vahvista, asetukset, lopeta) in the
    last email in the outbox."""
    return link_in(emails()[-1].body_text, kind)


def link_in(body, kind):
    return re.search(rf"https?://[^/\s]+(/(?:\w\w/)?uutiskirje/{kind}/[^/\s]+/)", body).group(1)


def subscriber(email="lukija@example.fi"):
    return Subscriber.objects.for_address(email).first()
