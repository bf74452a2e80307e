"""State changes announced to an outside CRM, if the programme keeps one.

With ``COACHING_WEBHOOK_URL`` set, every audited change of an application is stored as
a ``WebhookDelivery`` in the same transaction and posted after the commit as JSON,
signed like Stripe's and GitHub's hooks: the header ``X-Tori-Signature: t=<unix
time>,v1=<HMAC-SHA256(secret, "<t>.<body>")>`` lets the receiver check the sender and
refuse a replay. A refused or failed post is tried again through the task queue after
1, 5, 30 minutes, 2 and 12 hours, then given up (``send_coaching_mail`` also picks up
any that are due, for task backends that cannot defer). The payload holds no personal
data: the receiver reads the rest from the staff pages.
"""

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from core import clock

from .models import WebhookDelivery

RETRY_AFTER = [timedelta(minutes=m) for m in (1, 5, 30, 120, 720)]
TIMEOUT = 10


def signature(secret, timestamp, body):
    message = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secret, body, timestamp=None):
    timestamp = int(time.time()) if timestamp is None else timestamp
    return f"t={timestamp},v1={signature(secret, timestamp, body)}"


def payload_of(event, application):
    return {
        "event": event,
        "application": application.pk,
        "status": application.status,
        "round": application.round.year if application.round_id else None,
        "organisation": {
            "id": application.organisation_id,
            "name": application.organisation_label,
        },
        "expert": application.expert_id,
        "days_requested": _number(application.days_requested),
        "days_granted": _number(application.days_granted),
        "at": clock.now().isoformat(),
        "url": settings.SITE_URL.rstrip("/") + _staff_path(application),
    }


def _staff_path(application):
    # The same address whichever language the change was made in.
    with translation.override(settings.LANGUAGE_CODE):
        return reverse("coaching_staff:application", kwargs={"pk": application.pk})


def _number(value):
    return None if value is None else float(value)


def announce(event, application):
    """Store the announcement with the change; post it once the change commits."""
    if not settings.COACHING_WEBHOOK_URL:
        return None
    delivery = WebhookDelivery.objects.create(
        event=event, payload=payload_of(event, application), next_attempt_at=clock.now()
    )
    transaction.on_commit(lambda: _enqueue(delivery.pk))
    return delivery


def _enqueue(delivery_id, run_after=None):
    from .tasks import deliver_webhook

    task = deliver_webhook
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # send_coaching_mail picks it up when it is due
        task = task.using(run_after=run_after)
    task.enqueue(delivery_id)


def webhook_deliver(delivery_id):
    """Post one announcement; on failure schedule the next try or give up."""
    with transaction.atomic():
        delivery = WebhookDelivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None or delivery.delivered_at or delivery.given_up_at:
            return delivery
        # Both the deferred task and the hourly sweep may reach a delivery: the first
        # to come when it is due posts it, and neither posts before the schedule says.
        if delivery.next_attempt_at is None or delivery.next_attempt_at > clock.now():
            return delivery
        error = _post(delivery)
        delivery.attempts += 1
        now = clock.now()
        if error is None:
            delivery.delivered_at, delivery.next_attempt_at, delivery.last_error = now, None, ""
        elif delivery.attempts > len(RETRY_AFTER):
            delivery.given_up_at, delivery.next_attempt_at = now, None
            delivery.last_error = error[:300]
        else:
            delivery.next_attempt_at = now + RETRY_AFTER[delivery.attempts - 1]
            delivery.last_error = error[:300]
        delivery.save()
    if delivery.next_attempt_at is not None:
        _enqueue(delivery.pk, run_after=delivery.next_attempt_at)
    return delivery


def webhooks_retry_due(now=None):
    """Post the announcements whose next try is due (the hourly command's sweep)."""
    now = now or clock.now()
    due = WebhookDelivery.objects.filter(next_attempt_at__lte=now).values_list("pk", flat=True)
    delivered = 0
    for pk in list(due):
        delivery = webhook_deliver(pk)
        delivered += bool(delivery and delivery.delivered_at)
    return delivered


def _post(delivery):
    body = json.dumps(delivery.payload, sort_keys=True).encode()
    request = urllib.request.Request(
        settings.COACHING_WEBHOOK_URL,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "Tekojen tori webhook",
            "X-Tori-Event": delivery.event,
            "X-Tori-Delivery": str(delivery.pk),
            "X-Tori-Signature": signature_header(settings.COACHING_WEBHOOK_SECRET, body),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            if 200 <= response.status < 300:
                return None
            return f"HTTP {response.status}"
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code}"
    except (OSError, ValueError) as error:
        return f"{type(error).__name__}: {error}"
