"""State changes of subscribers (STYLE.md: ``<noun>_<verb>``); issues' are in
issue_services.py, bounces' in bounces.py.

Subscribing never tells who subscribes: the page says "check your email" for every
address, and what is sent depends on the address's state, not what the page says. A
new or unconfirmed address gets the confirmation link; a subscribed one gets a note
with its preferences link and nothing of it changes.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from core import clock
from core.ratelimit import email_rate_limited
from core.tokens import link_token, object_by_token
from emails.models import EmailStatus, OutgoingEmail
from emails.services import email_queue

from .models import (
    Delivery,
    Subscriber,
    SubscriberSource,
    SubscriberStatus,
    address_hash,
    new_token,
)

LINK_PURPOSE = "newsletter-subscriber"


class SubscriberError(Exception):
    """The subscriber is not in a state for this change."""


def subscriber_token(subscriber):
    return link_token(LINK_PURPOSE, subscriber, subscriber.link_salt)


def subscriber_by_token(token):
    return object_by_token(Subscriber.objects.all(), LINK_PURPOSE, token, lambda s: s.link_salt)


def mail_subscriber(subscriber, template, **context):
    """One message to a subscriber in their language, at most
    NEWSLETTER_MAILS_PER_ADDRESS_HOUR an hour per address (the form can be posted by
    anyone with anyone's address)."""
    if not clock.mail_on():
        return None
    if email_rate_limited(
        subscriber.email, settings.NEWSLETTER_MAILS_PER_ADDRESS_HOUR, bucket="newsletter"
    ):
        return None
    token = subscriber_token(subscriber)
    return email_queue(
        to=subscriber.email,
        template=template,
        context={
            "subscriber": subscriber,
            "token": token,
            "days": settings.NEWSLETTER_UNCONFIRMED_DAYS,
            **context,
        },
        language=subscriber.language,
        secrets=[token],
    )


def _set_topics(subscriber, sectors, themes, regions, *, new=False):
    for field, chosen in (("sectors", sectors), ("themes", themes), ("regions", regions)):
        if new:
            if chosen:  # most choose no topics: nothing to write
                getattr(subscriber, field).add(*chosen)
        else:
            getattr(subscriber, field).set(chosen)


def _check_choice(wants_newsletter, sectors, themes, regions):
    if not (wants_newsletter or sectors or themes or regions):
        raise SubscriberError(_("Choose the newsletter or at least one topic."))


def subscriber_subscribe(
    *,
    email,
    language,
    consent,
    wants_newsletter=True,
    sectors=(),
    themes=(),
    regions=(),
    source=SubscriberSource.FORM,
):
    """Subscribe an address, pending its confirmation. Returns nothing: callers must not
    be able to tell a new address from a subscribed one."""
    _check_choice(wants_newsletter, sectors, themes, regions)
    email = email.strip()
    try:
        with transaction.atomic():
            subscriber = Subscriber.objects.select_for_update().for_address(email).first()
            if subscriber is not None and subscriber.status == SubscriberStatus.CONFIRMED:
                mail_subscriber(subscriber, "newsletter_already_subscribed")
                return
            if subscriber is None:
                subscriber = Subscriber.objects.create(
                    created_at=clock.now(),
                    email=email,
                    language=language,
                    consent=consent,
                    source=source,
                    wants_newsletter=wants_newsletter,
                )
                action = "newsletter.subscribed"
                _set_topics(subscriber, sectors, themes, regions, new=True)
            else:
                # Pending (a second try) or set aside after bounces (the person has
                # mended their mailbox): their new choices, confirmed by the new link.
                subscriber.language = language
                subscriber.consent = consent
                subscriber.wants_newsletter = wants_newsletter
                subscriber.created_at = clock.now()
                subscriber.save()
                action = "newsletter.subscribed_again"
                _set_topics(subscriber, sectors, themes, regions)
            subscriber.log_action(action, actor_label="public", data={"source": source})
            mail_subscriber(subscriber, "newsletter_confirm")
    except IntegrityError:
        # Two posts of the same new address raced; the first one's link is on its way.
        return


@transaction.atomic
def subscriber_confirm(subscriber):
    """Open a pending or set-aside subscription; a confirmed one stays as it is.
    Returns True when this confirmed it."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status == SubscriberStatus.CONFIRMED:
        return False
    if subscriber.status == SubscriberStatus.LEFT:
        raise SubscriberError(_("This subscription has ended. You can subscribe again."))
    subscriber.status = SubscriberStatus.CONFIRMED
    subscriber.confirmed_at = clock.now()
    subscriber.left_at = None
    subscriber.bounce_score = 0
    subscriber.set_aside_reason = ""
    subscriber.save(
        update_fields=["status", "confirmed_at", "left_at", "bounce_score", "set_aside_reason"]
    )
    subscriber.log_action("newsletter.confirmed", actor_label="subscriber")
    return True


@transaction.atomic
def subscriber_change(
    subscriber, *, language, wants_newsletter, sectors, themes, regions, actor=None
):
    """Change what a subscriber receives and in which language."""
    _check_choice(wants_newsletter, sectors, themes, regions)
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status == SubscriberStatus.LEFT:
        raise SubscriberError(_("This subscription has ended. You can subscribe again."))
    subscriber.language = language
    subscriber.wants_newsletter = wants_newsletter
    subscriber.save(update_fields=["language", "wants_newsletter"])
    _set_topics(subscriber, sectors, themes, regions)
    subscriber.log_action(
        "newsletter.preferences_changed",
        actor=actor,
        actor_label="" if actor else "subscriber",
    )
    return subscriber


def _withdraw_copies(subscriber):
    """Copies of an issue being sent that have not gone yet are not sent after all: an
    unsubscribe takes effect at once (RFC 8058), not after the issue in progress. The
    progress counts them as skipped."""
    OutgoingEmail.objects.filter(
        pk__in=Delivery.objects.filter(subscriber=subscriber).values("email_id"),
        status=EmailStatus.PENDING,
    ).delete()


@transaction.atomic
def subscriber_unsubscribe(subscriber, *, how="link", actor=None):
    """End a subscription: the address goes (a keyed hash of it stays, so that importing
    an old list does not subscribe it again), the dates stay for the figures.
    Idempotent: a second click, or the mail client's one-click POST after the person's
    own, changes nothing. Returns True when this ended it."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status == SubscriberStatus.LEFT:
        return False
    was_confirmed = subscriber.confirmed_at is not None
    if not was_confirmed:
        # Never confirmed: nothing to count, nothing to keep.
        subscriber.delete()
        return True
    _withdraw_copies(subscriber)
    subscriber.left_hash = address_hash(subscriber.email)
    subscriber.email = ""
    subscriber.status = SubscriberStatus.LEFT
    subscriber.left_at = clock.now()
    subscriber.save()
    subscriber.log_action(
        "newsletter.unsubscribed",
        actor=actor,
        actor_label="" if actor else "subscriber",
        data={"how": how},
    )
    return True


@transaction.atomic
def subscriber_set_aside(subscriber, *, reason, actor=None):
    """Stop sending to an address (too many bounces, or staff's decision)."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status != SubscriberStatus.CONFIRMED:
        raise SubscriberError(_("Only a subscribed address can be set aside."))
    _withdraw_copies(subscriber)
    subscriber.status = SubscriberStatus.SET_ASIDE
    subscriber.set_aside_reason = reason[:300]
    subscriber.left_at = clock.now()
    subscriber.save()
    subscriber.log_action(
        "newsletter.set_aside", actor=actor, actor_label="" if actor else "system", reason=reason
    )
    return subscriber


@transaction.atomic
def subscriber_reinstate(subscriber, *, actor):
    """Staff send to a set-aside address again (its mailbox works again)."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status != SubscriberStatus.SET_ASIDE:
        raise SubscriberError(_("Only a set-aside address can be reinstated."))
    subscriber.status = SubscriberStatus.CONFIRMED
    subscriber.left_at = None
    subscriber.bounce_score = 0
    subscriber.set_aside_reason = ""
    subscriber.save()
    subscriber.log_action("newsletter.reinstated", actor=actor)
    return subscriber


def subscriber_new_link(subscriber):
    """A new salt: every earlier link of this subscriber stops working."""
    Subscriber.objects.filter(pk=subscriber.pk).update(link_salt=new_token())
