"""Writing and delivering email.

``email_queue`` renders a message in the recipient's language and stores it; the
``deliver_email`` task sends it once the surrounding transaction has committed.
A failed attempt is retried with growing pauses, so a mail server that is down
for a while delays mail but loses none of it.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import EmailStatus, OutgoingEmail

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
        message = EmailMultiAlternatives(
            email.subject, email.body_text, settings.DEFAULT_FROM_EMAIL, [email.to]
        )
        message.attach_alternative(email.body_html, "text/html")
        for attachment in email.attachments:
            message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
        email.attempts += 1
        try:
            message.send()
        except Exception as error:  # noqa: BLE001 - any failure of the mail server
            log.warning("Email %s not sent (attempt %s): %s", email.pk, email.attempts, error)
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            if email.attempts > len(RETRY_PAUSES):
                email.status = EmailStatus.FAILED
            else:
                email.next_attempt_at = timezone.now() + RETRY_PAUSES[email.attempts - 1]
        else:
            email.status = EmailStatus.SENT
            email.sent_at = timezone.now()
            email.last_error = ""
        if email.status != EmailStatus.PENDING:
            _forget_secrets(email)
        email.save()
    if email.status == EmailStatus.PENDING:
        transaction.on_commit(lambda: _enqueue(email.pk, run_after=email.next_attempt_at))
    return email


def _forget_secrets(email):
    """A sent (or given-up) message keeps its text for staff and the person's data
    export, but not the links that would still open a draft, an invitation or a
    password reset: anyone reading the table or a backup could use them."""
    if not email.secrets:
        return
    email.subject = email.masked(email.subject)
    email.body_text = email.masked(email.body_text)
    email.body_html = email.masked(email.body_html)
    email.secrets = []


def email_send_due(now=None):
    """Deliver every message whose next attempt is due; returns (sent, still waiting)."""
    sent = waiting = 0
    for email_id in OutgoingEmail.objects.due(now).values_list("pk", flat=True):
        email = email_deliver(email_id)
        if email.status == EmailStatus.SENT:
            sent += 1
        elif email.status == EmailStatus.PENDING:
            waiting += 1
    return sent, waiting
