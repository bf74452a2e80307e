"""The newsletter's privacy contract (docs/privacy.md).

A subscriber's address, language, topics, consent and dates; the bounces received for
it; which issues were sent to it. An unconfirmed subscription is deleted after
NEWSLETTER_UNCONFIRMED_DAYS; a subscriber's copies of issues (``Delivery``) after
NEWSLETTER_DELIVERY_DAYS, the issue keeping only its counts; bounces after
NEWSLETTER_BOUNCE_STALE_DAYS (they no longer count by then). Someone who unsubscribes
keeps no address here, only a keyed hash of it, so that importing an old list does not
subscribe them again; erasure on request deletes that too.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.i18n import days

from .models import Bounce, Delivery, Subscriber, SubscriberStatus, address_hash

MODELS = [Subscriber, Bounce, Delivery]


def _subscribers(address):
    return Subscriber.objects.for_address(address) | Subscriber.objects.filter(
        left_hash=address_hash(address)
    )


def personal_data_export(address):
    return {
        "newsletter_subscriptions": [
            {
                "email": s.email,
                "status": s.status,
                "language": s.language,
                "whole_newsletter": s.wants_newsletter,
                "sectors": [t.name for t in s.sectors.all()],
                "themes": [t.name for t in s.themes.all()],
                "regions": [r.name for r in s.regions.all()],
                "consent": s.consent,
                "subscribed_at": s.created_at.isoformat(),
                "confirmed_at": s.confirmed_at and s.confirmed_at.isoformat(),
                "left_at": s.left_at and s.left_at.isoformat(),
                "bounces": [
                    {
                        "kind": b.kind,
                        "status_code": b.status_code,
                        "reason": b.diagnostic,
                        "received_at": b.received_at.isoformat(),
                    }
                    for b in s.bounces.all()
                ],
                "issues_sent": [d.issue.subject_fi for d in s.deliveries.select_related("issue")],
            }
            for s in _subscribers(address).prefetch_related("sectors", "themes", "regions")
        ]
    }


@transaction.atomic
def personal_data_erase(address, phones=()):
    """Delete the subscription with its bounces and copies (the issues keep counting
    them); the person's messages themselves are the emails app's."""
    subscribers = list(_subscribers(address))
    for subscriber in subscribers:
        subscriber.delete()
    return {"newsletter subscriptions": len(subscribers)}


@transaction.atomic
def personal_data_prune(now=None):
    now = now or timezone.now()
    unconfirmed = Subscriber.objects.filter(
        status=SubscriberStatus.PENDING,
        created_at__lt=now - timedelta(days=settings.NEWSLETTER_UNCONFIRMED_DAYS),
        confirmed_at=None,
    ).delete()[0]
    deliveries = Delivery.objects.filter(
        issue__sent_at__lt=now - timedelta(days=settings.NEWSLETTER_DELIVERY_DAYS)
    ).delete()[0]
    bounces = Bounce.objects.filter(
        received_at__lt=now - timedelta(days=settings.NEWSLETTER_BOUNCE_STALE_DAYS)
    ).delete()[0]
    counts = {
        "unconfirmed newsletter subscriptions": unconfirmed,
        "newsletter deliveries": deliveries,
        "newsletter bounces": bounces,
    }
    # Only what was removed, like the other jobs, to keep the cron log short.
    return {what: count for what, count in counts.items() if count}


def notice_purposes():
    return [
        dict(
            key="newsletter",
            title=_("The newsletter"),
            description=_(
                "We send the programme's newsletter to those who subscribe and confirm "
                "their address, with the new deeds of the topics they chose. We do not "
                "track who opens the newsletter or which links they follow: links carry "
                "only the issue's name, the same for everyone."
            ),
            data=_(
                "Email address, language, the topics chosen, the version of this notice "
                "agreed to (or, for addresses moved from our earlier mailing list, where "
                "consent was given), dates of subscribing, confirming and leaving, bounces "
                "of our messages, and which issues were sent to the address."
            ),
            legal_basis=_(
                "Consent (GDPR art. 6(1)(a)), which you can withdraw with the link in every "
                "newsletter."
            ),
            retention=[
                _("A subscription not confirmed is deleted after %(days)s.")
                % {"days": days(settings.NEWSLETTER_UNCONFIRMED_DAYS)},
                _(
                    "When you unsubscribe, your address is deleted from the list at once, "
                    "and nothing more is sent to it; we keep a keyed hash of it so that it is "
                    "not added again from an old list, and the dates, without the address, "
                    "for the figures."
                ),
                _("Which issues were sent to an address is deleted %(days)s after sending.")
                % {"days": days(settings.NEWSLETTER_DELIVERY_DAYS)},
                _("Bounces are deleted after %(days)s.")
                % {"days": days(settings.NEWSLETTER_BOUNCE_STALE_DAYS)},
            ],
        )
    ]
