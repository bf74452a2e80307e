"""Subscribers and issues through the newsletter's services, as the public and staff
make them."""

import datetime as dt

from django.conf import settings
from django.utils import timezone

from newsletter.issue_services import issue_create
from newsletter.models import Subscriber
from newsletter.services import subscriber_confirm, subscriber_subscribe

_n = iter(range(1, 10**9))


def subscribed(email=None, *, language="fi", confirm=True, **choices):
    """A subscriber who subscribed on the form (and confirmed, unless told not to)."""
    email = email or f"tilaaja{next(_n)}@example.com"
    subscriber_subscribe(
        email=email, language=language, consent=settings.PRIVACY_NOTICE_VERSION, **choices
    )
    subscriber = Subscriber.objects.for_address(email).get()
    if confirm:
        subscriber_confirm(subscriber)
        subscriber.refresh_from_db()
    return subscriber


def draft_issue(*, key=None, since=None, **fields):
    n = next(_n)
    return issue_create(
        actor=None,
        key=key or f"testi-{n}",
        subject_fi=fields.pop("subject_fi", f"Uutiskirje {n}"),
        deeds_since=since or timezone.now() - dt.timedelta(days=7),
        **fields,
    )
