"""Bounces: what comes back to the bounce address, and setting aside addresses that
keep bouncing (``manage.py newsletter_bounces`` reads the mailbox).

Scoring is Mailman's: a permanent (hard) bounce adds 1, a temporary (soft) one 0.5
but at most once a day, since a full mailbox bounces every message of a day alike; a
score whose last bounce is older than NEWSLETTER_BOUNCE_STALE_DAYS starts again from
0, so that a bounce now and then over years never adds up; at
NEWSLETTER_BOUNCE_THRESHOLD the address is set aside (services.subscriber_set_aside),
which staff can undo. The same bounce read twice (its Message-ID) counts once. Only a
subscribed address is scored: bounces of others are kept, for staff to see, and count
for nothing.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .bounce_reading import IGNORED, UNSUBSCRIBE, bounce_read
from .models import Bounce, BounceKind, Subscriber, SubscriberStatus
from .services import subscriber_set_aside, subscriber_unsubscribe

WEIGHT = {BounceKind.HARD: 1.0, BounceKind.SOFT: 0.5}
# What processing a message came to; the command counts each.
OUTCOMES = ("hard", "soft", "unsubscribed", "ignored", "unknown")


@transaction.atomic
def bounce_record(
    subscriber, *, kind, status_code="", diagnostic="", message_id="", received_at=None
):
    """Record a bounce and score it. Returns the ``Bounce``, or None when this message
    was recorded before (nothing changes then)."""
    received_at = received_at or timezone.now()
    # The subscriber's row is the lock: bounces of one address are scored one at a time.
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if message_id and subscriber.bounces.filter(message_id=message_id).exists():
        return None
    day = timezone.localdate(received_at)
    soft_counted_today = (
        kind == BounceKind.SOFT
        and subscriber.bounces.filter(kind=BounceKind.SOFT, received_at__date=day).exists()
    )
    bounce = Bounce.objects.create(
        subscriber=subscriber,
        kind=kind,
        status_code=status_code[:12],
        diagnostic=diagnostic[:300],
        message_id=message_id,
        received_at=received_at,
    )
    counted = subscriber.status == SubscriberStatus.CONFIRMED and not soft_counted_today
    if counted:
        last = subscriber.last_bounce_on
        if last is not None and (day - last).days > settings.NEWSLETTER_BOUNCE_STALE_DAYS:
            subscriber.bounce_score = 0
        subscriber.bounce_score += WEIGHT[kind]
        # A late bounce of an earlier day does not move the last day back.
        subscriber.last_bounce_on = max(day, last) if last else day
        subscriber.save(update_fields=["bounce_score", "last_bounce_on"])
    subscriber.log_action(
        "newsletter.bounced",
        actor_label="system",
        # No diagnostic: it often repeats the address, and the audit log outlives bounces.
        data={
            "kind": kind,
            "status_code": bounce.status_code,
            "counted": counted,
            "score": subscriber.bounce_score,
        },
    )
    if counted and subscriber.bounce_score >= settings.NEWSLETTER_BOUNCE_THRESHOLD:
        subscriber_set_aside(subscriber, reason=set_aside_reason(bounce))
    return bounce


def set_aside_reason(bounce):
    # Stored text that staff read: in the site's language, whatever language the
    # process happens to run in.
    with translation.override(settings.LANGUAGE_CODE):
        if bounce.status_code or bounce.diagnostic:
            last = " ".join(filter(None, [bounce.status_code, bounce.diagnostic]))
            return _("Too many bounces. The last one: %(last)s") % {"last": last}
        return _("Too many bounces.")


def bounce_process(raw):
    """Act on one message of the bounce mailbox: record a bounce, unsubscribe, or
    nothing. Returns (outcome, its ``Reading``); the outcome is one of OUTCOMES."""
    reading = bounce_read(raw)
    if reading.kind == IGNORED:
        return "ignored", reading
    subscriber = None
    if reading.token:
        subscriber = Subscriber.objects.filter(bounce_token=reading.token).first()
    if subscriber is None:
        # Erased or pruned since the copy was sent, or a made-up token.
        return "unknown", reading
    if reading.kind == UNSUBSCRIBE:
        # RFC 2369: the mailto address of List-Unsubscribe, used by the mail client.
        subscriber_unsubscribe(subscriber, how="mailto")
        return "unsubscribed", reading
    bounce_record(
        subscriber,
        kind=reading.kind,
        status_code=reading.status_code,
        diagnostic=reading.diagnostic,
        message_id=reading.message_id,
        received_at=reading.received_at,
    )
    return str(reading.kind), reading
