"""Writing and delivering email.

``email_queue`` renders a message in the recipient's language and stores it; the
``deliver_email`` task sends it once the surrounding transaction has committed.
A failed attempt is retried with growing pauses, so a mail server that is down
for a while delays mail but loses none of it.
"""

import hashlib
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import EmailStatus, MessageBody, OutgoingEmail

log = logging.getLogger(__name__)

# Pauses before the 2nd, 3rd, … attempt; after the last one staff see "gave up".
RETRY_PAUSES = [timedelta(minutes=m) for m in (1, 5, 15, 60, 180, 360, 720, 1440)]


def email_queue(*, to, template, context, language, attachments=(), secrets=()):
    """Store a message from ``emails/<template>{_subject.txt,.txt,.html}`` and send it
    after commit. ``attachments``: (filename, text content, MIME type) triples.
    ``secrets``: the strings in it that open something (a secret link's token or path);
    the stored copy loses them once the message is sent."""
    language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    context = {**context, "SITE_URL": settings.SITE_URL, "LANGUAGE_CODE": language}
    with translation.override(language):
        subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
        text = render_to_string(f"emails/{template}.txt", context)
        html = render_to_string(f"emails/{template}.html", context)
    email = OutgoingEmail.objects.create(
        to=to,
        language=language,
        purpose=template,
        subject=subject[:300],
        body_text=text,
        body_html=html,
        attachments=[
            {"filename": name, "content": content, "mimetype": mimetype}
            for name, content, mimetype in attachments
        ],
        secrets=[str(secret) for secret in secrets if secret],
    )
    transaction.on_commit(lambda: _enqueue(email.pk))
    return email


def _enqueue(email_id, run_after=None):
    from .tasks import deliver_email

    task = deliver_email
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # send_pending_emails picks it up when it is due
        task = task.using(run_after=run_after)
    task.enqueue(email_id)


def email_deliver(email_id):
    """Try to send one stored message; returns it with its new status."""
    with transaction.atomic():
        # The row lock keeps two workers from sending the same message twice.
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status != EmailStatus.PENDING:
            return email
        _attempt(email)
        email.save()
    if email.status == EmailStatus.PENDING:
        transaction.on_commit(lambda: _enqueue(email.pk, run_after=email.next_attempt_at))
    return email


def _message(email):
    message = EmailMultiAlternatives(
        email.subject,
        email.text(),
        # Django gives the mail server from_email as the envelope sender; the From
        # header stays the portal's.
        email.envelope_from or settings.DEFAULT_FROM_EMAIL,
        [email.to],
        headers={**email.headers, "From": settings.DEFAULT_FROM_EMAIL},
    )
    message.attach_alternative(email.html(), "text/html")
    for attachment in email.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return message


def _attempt(email):
    """Hand one message to the mail server and note the outcome on ``email`` (unsaved):
    sent, due again after a pause, or given up after the last one."""
    email.attempts += 1
    try:
        _message(email).send()
    except Exception as error:  # noqa: BLE001 - any failure of the mail server
        log.warning("Email %s not sent (attempt %s): %s", email.pk, email.attempts, error)
        email.last_error = f"{type(error).__name__}: {error}"[:2000]
        if email.attempts > len(RETRY_PAUSES):
            email.status = EmailStatus.FAILED
        else:
            email.status = EmailStatus.PENDING
            email.next_attempt_at = timezone.now() + RETRY_PAUSES[email.attempts - 1]
    else:
        email.status = EmailStatus.SENT
        email.sent_at = timezone.now()
        email.last_error = ""
    if email.status != EmailStatus.PENDING:
        _forget_secrets(email)


# --- Bulk mail ------------------------------------------------------------------------
# A newsletter issue is thousands of messages. They are not sent by a task each but in
# batches by whoever sends the issue. email_claim reserves a batch (``claimed_at``), so
# that the number taken in any minute can be capped across every worker; then each
# message is marked SENDING and committed before it is handed to the mail server. A
# worker killed mid-batch leaves at most that one message SENDING, which is given up
# (email_claims_expire) rather than sent twice; the rest of its batch is reserved only
# for RESERVATION and then taken by the next worker.

RESERVATION = timedelta(minutes=2)
BULK_LOCK = 7_310_042  # any number of our own, the same in every process


def email_claim(queryset, *, limit, per_minute):
    """Reserve up to ``limit`` due bulk messages of ``queryset`` for sending, keeping to
    ``per_minute`` reserved in the last 60 seconds by all workers; returns their ids."""
    now = timezone.now()
    with transaction.atomic():
        # One sender at a time decides how many may go (PostgreSQL: a transaction lock;
        # SQLite's write transactions are serialised already).
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [BULK_LOCK])
        taken = OutgoingEmail.objects.filter(
            bulk=True, claimed_at__gt=now - timedelta(minutes=1)
        ).count()
        room = min(limit, per_minute - taken)
        if room <= 0:
            return []
        free = Q(claimed_at=None) | Q(claimed_at__lt=now - RESERVATION)
        ids = list(
            queryset.filter(free, bulk=True)
            .due(now)
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[:room]
        )
        OutgoingEmail.objects.filter(pk__in=ids).update(claimed_at=now)
    return ids


def email_deliver_claimed(email_id):
    """Send one message reserved by email_claim; returns it with its new status, or None
    when another worker took it meanwhile. A failure of the mail server leaves it due
    again after a pause (nothing was delivered)."""
    taken = OutgoingEmail.objects.filter(pk=email_id, status=EmailStatus.PENDING).update(
        status=EmailStatus.SENDING, claimed_at=timezone.now()
    )
    if not taken:
        return None
    email = OutgoingEmail.objects.select_related("shared_body").get(pk=email_id)
    _attempt(email)
    OutgoingEmail.objects.filter(pk=email.pk, status=EmailStatus.SENDING).update(
        **{field: getattr(email, field) for field in BULK_OUTCOME}
    )
    return email


BULK_OUTCOME = (
    "status", "attempts", "next_attempt_at", "last_error", "sent_at",
    "subject", "body_text", "body_html", "merge", "headers", "secrets",
)  # fmt: skip


def email_claims_expire(older_than=timedelta(minutes=15)):
    """Give up bulk messages a worker was handing to the mail server when it was killed
    or lost its database: the server may have accepted them, so sending again could
    send twice. Returns how many."""
    return OutgoingEmail.objects.filter(
        status=EmailStatus.SENDING, claimed_at__lt=timezone.now() - older_than
    ).update(
        status=EmailStatus.FAILED,
        last_error="Interrupted while being sent; not sent again to avoid a duplicate.",
    )


def message_bodies_store(texts):
    """The shared texts for ``texts`` [(plain, html), …], stored once each:
    {(plain, html): MessageBody}."""
    by_digest = {_digest(text, html): (text, html) for text, html in texts}
    MessageBody.objects.bulk_create(
        [MessageBody(digest=d, body_text=t, body_html=h) for d, (t, h) in by_digest.items()],
        ignore_conflicts=True,  # written for an earlier batch, or by another worker
        batch_size=200,
    )
    stored = MessageBody.objects.filter(digest__in=list(by_digest)).only("pk", "digest")
    return {by_digest[body.digest]: body for body in stored}


def _digest(text, html):
    return hashlib.sha256(f"{len(text)}:{text}{html}".encode()).hexdigest()


def email_queue_bulk(messages):
    """Store bulk messages (unsaved OutgoingEmail objects with ``bulk`` set and usually a
    ``shared_body``) in one go; they are sent by email_claim and email_deliver_claimed."""
    for message in messages:
        if not message.bulk:
            raise ValueError("email_queue_bulk stores bulk mail only")
    return OutgoingEmail.objects.bulk_create(messages, batch_size=500)


def _forget_secrets(email):
    """A sent (or given-up) message keeps its text for staff and the person's data
    export, but not the links that would still open a draft, an invitation or a
    password reset: anyone reading the table or a backup could use them."""
    if not email.secrets:
        return
    email.subject = email.masked(email.subject)
    email.body_text = email.masked(email.body_text)
    email.body_html = email.masked(email.body_html)
    email.merge = {key: email.masked(value) for key, value in email.merge.items()}
    email.headers = {key: email.masked(value) for key, value in email.headers.items()}
    email.secrets = []


def email_send_due(now=None):
    """Deliver every message whose next attempt is due; returns (sent, still waiting)."""
    sent = waiting = 0
    for email_id in OutgoingEmail.objects.due(now).filter(bulk=False).values_list("pk", flat=True):
        email = email_deliver(email_id)
        if email.status == EmailStatus.SENT:
            sent += 1
        elif email.status == EmailStatus.PENDING:
            waiting += 1
    return sent, waiting
