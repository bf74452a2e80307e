"""Sending an issue: background work that survives being stopped at any point.

``newsletter_tick`` (run every minute by ``manage.py send_newsletter``, from cron or as a
long-running ``--loop``) does three things, each safe to repeat:

1. starts the scheduled issues that are due;
2. writes the next batches of an issue's copies: per batch of subscribers (by id, from
   ``Issue.queued_up_to``) one transaction stores each copy in the outbox
   (``OutgoingEmail``, bulk) and a ``Delivery``, unique per issue and subscriber, and
   moves the issue's cursor; a batch that was stopped half-way left nothing;
3. sends what is due, at most NEWSLETTER_RATE_PER_MINUTE a minute across every worker
   (``emails.services.email_claim``), and marks an issue sent once nothing of it waits.

A worker killed while sending leaves the messages it had taken marked "being sent";
they are given up after a while rather than sent again (``email_claims_expire``):
nobody gets an issue twice.
"""

import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import translation

from core import clock
from emails.models import EmailStatus, OutgoingEmail
from emails.services import (
    email_claim,
    email_claims_expire,
    email_deliver_claimed,
    email_queue_bulk,
    message_bodies_store,
)

from .compose import PREFERENCES, UNSUBSCRIBE, Choice, IssueContent
from .models import Delivery, Issue, IssueStatus, Subscriber
from .services import subscriber_token


def bounce_address(subscriber):
    """The envelope sender for this subscriber's copy (VERP): bounces+<token>@domain."""
    local, _, domain = settings.NEWSLETTER_BOUNCE_ADDRESS.partition("@")
    return f"{local}+{subscriber.bounce_token}@{domain}"


def subscriber_links(subscriber):
    """{placeholder: the subscriber's own link} and the unsubscribe headers."""
    token = subscriber_token(subscriber)
    with translation.override(subscriber.language):
        preferences = settings.SITE_URL + reverse("newsletter:preferences", args=[token])
        unsubscribe = settings.SITE_URL + reverse("newsletter:unsubscribe", args=[token])
    merge = {PREFERENCES: preferences, UNSUBSCRIBE: unsubscribe}
    # RFC 2369 and RFC 8058: the https address takes a one-click POST; the mailto one
    # reaches the bounce mailbox, where newsletter_bounces reads it (bounces.py).
    mailto = f"mailto:{bounce_address(subscriber)}?subject=unsubscribe"
    headers = {
        "List-Unsubscribe": f"<{unsubscribe}>, <{mailto}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"Tekojen tori <uutiskirje.{settings.SITE_URL.split('//')[-1].split('/')[0]}>",
        "Precedence": "bulk",
    }
    return merge, headers, token


def choice_of(subscriber):
    return Choice(
        language=subscriber.language,
        wants_newsletter=subscriber.wants_newsletter,
        sectors=tuple(sorted(s.pk for s in subscriber.sectors.all())),
        themes=tuple(sorted(t.pk for t in subscriber.themes.all())),
        regions=tuple(sorted(r.pk for r in subscriber.regions.all())),
    )


def recipients(issue):
    """The subscribers an issue goes to: confirmed when the batch is written."""
    return Subscriber.objects.confirmed().prefetch_related("sectors", "themes", "regions")


def issue_queue_batch(issue, content, *, size=None):
    """Write one batch of an issue's copies; returns how many subscribers it covered
    (0 once every subscriber has been covered)."""
    size = size or settings.NEWSLETTER_BATCH_SIZE
    topics = content.topics()
    with transaction.atomic():
        issue = Issue.objects.select_for_update().get(pk=issue.pk)
        if issue.queue_complete or issue.status != IssueStatus.SENDING:
            return 0
        batch = list(recipients(issue).filter(pk__gt=issue.queued_up_to).order_by("pk")[:size])
        if not batch:
            issue.queue_complete = True
            issue.save(update_fields=["queue_complete", "updated_at"])
            return 0
        already = set(
            Delivery.objects.filter(issue=issue, subscriber__in=batch).values_list(
                "subscriber_id", flat=True
            )
        )
        wanted = []
        for subscriber in batch:
            if subscriber.pk in already:
                continue
            message = content.message_for(choice_of(subscriber), topics)
            if message is not None:
                wanted.append((subscriber, message))
        bodies = message_bodies_store({(text, html) for _, (_, text, html) in wanted})
        emails = []
        for subscriber, (subject, text, html) in wanted:
            merge, headers, token = subscriber_links(subscriber)
            emails.append(
                OutgoingEmail(
                    to=subscriber.email,
                    language=subscriber.language,
                    purpose="newsletter_issue",
                    subject=subject[:300],
                    shared_body=bodies[(text, html)],
                    merge=merge,
                    headers=headers,
                    envelope_from=bounce_address(subscriber),
                    secrets=[token],
                    bulk=True,
                )
            )
        emails = email_queue_bulk(emails)
        Delivery.objects.bulk_create(
            [
                Delivery(issue=issue, subscriber=subscriber, email=email)
                for (subscriber, _), email in zip(wanted, emails, strict=True)
            ],
            batch_size=500,
        )
        issue.queued_up_to = batch[-1].pk
        issue.recipients += len(emails)
        issue.save(update_fields=["queued_up_to", "recipients", "updated_at"])
    return len(batch)


def issue_emails(issue):
    return OutgoingEmail.objects.filter(
        pk__in=Delivery.objects.filter(issue=issue).values("email_id")
    )


def sendable_emails():
    """Bulk messages of issues being sent (not of paused ones)."""
    return OutgoingEmail.objects.filter(
        pk__in=Delivery.objects.filter(issue__status=IssueStatus.SENDING).values("email_id")
    )


@dataclass
class Progress:
    recipients: int = 0
    sent: int = 0
    failed: int = 0
    waiting: int = 0
    queued_all: bool = False
    # Copies not sent because the subscriber left or was set aside meanwhile.
    skipped: int = 0

    @property
    def done(self):
        return self.sent + self.failed


def issue_progress(issue):
    """How far an issue has gone: sent, failed and waiting copies of those written."""
    if issue.status == IssueStatus.SENT and not Delivery.objects.filter(issue=issue).exists():
        return Progress(issue.recipients, issue.sent_count, issue.failed_count, 0, True)
    counts = Delivery.objects.filter(issue=issue).aggregate(
        recipients=Count("pk"),
        sent=Count("pk", filter=Q(email__status=EmailStatus.SENT)),
        failed=Count("pk", filter=Q(email__status=EmailStatus.FAILED)),
        waiting=Count("pk", filter=Q(email__status__in=WAITING)),
    )
    skipped = counts["recipients"] - counts["sent"] - counts["failed"] - counts["waiting"]
    return Progress(**counts, queued_all=issue.queue_complete, skipped=skipped)


WAITING = (EmailStatus.PENDING, EmailStatus.SENDING)


def _finish_if_done(issue):
    with transaction.atomic():
        issue = Issue.objects.select_for_update().get(pk=issue.pk)
        if issue.status != IssueStatus.SENDING or not issue.queue_complete:
            return False
        progress = issue_progress(issue)
        if progress.waiting:
            return False
        issue.status = IssueStatus.SENT
        issue.sent_at = clock.now()
        issue.sent_count, issue.failed_count = progress.sent, progress.failed
        issue.save()
        issue.log_action(
            "newsletter.issue_sent",
            data={"sent": progress.sent, "failed": progress.failed},
        )
    return True


@dataclass
class TickReport:
    started: list = field(default_factory=list)
    queued: int = 0
    sent: int = 0
    failed: int = 0
    finished: list = field(default_factory=list)
    expired: int = 0


def newsletter_tick(*, now=None, seconds=50, deliver=True):
    """One round of the work above, for at most about ``seconds``."""
    from .issue_services import IssueError, issue_start

    deadline = time.monotonic() + seconds
    report = TickReport(expired=email_claims_expire())
    for issue in Issue.objects.due(now):
        try:
            issue_start(issue)
        except IssueError:
            continue  # another worker started it a moment ago
        report.started.append(issue.key)
    for issue in Issue.objects.filter(status=IssueStatus.SENDING, queue_complete=False):
        content = IssueContent(issue, now=issue.started_at)
        while time.monotonic() < deadline and (covered := issue_queue_batch(issue, content)):
            report.queued += covered
    if deliver:
        rate = settings.NEWSLETTER_RATE_PER_MINUTE
        while time.monotonic() < deadline:
            ids = email_claim(sendable_emails(), limit=min(rate, 100), per_minute=rate)
            if not ids:
                break
            for email_id in ids:
                email = email_deliver_claimed(email_id)
                if email is None:
                    continue
                if email.status == EmailStatus.SENT:
                    report.sent += 1
                elif email.status == EmailStatus.FAILED:
                    report.failed += 1
    for issue in Issue.objects.filter(status=IssueStatus.SENDING, queue_complete=True):
        if _finish_if_done(issue):
            report.finished.append(issue.key)
    return report
