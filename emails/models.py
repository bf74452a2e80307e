"""Outgoing email, kept in the database until the mail server has accepted it.

Every message is stored in the same transaction as the change that caused it, so
nothing is lost when the mail server is down: a background task delivers it and
tries again later (see services.email_deliver).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EmailStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    # Bulk mail only: taken by a worker, which commits this before it talks to the mail
    # server, so a worker killed mid-send leaves it here rather than sending it again.
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Gave up")


class OutgoingEmailQuerySet(models.QuerySet):
    def due(self, now=None):
        return self.filter(status=EmailStatus.PENDING, next_attempt_at__lte=now or timezone.now())

    def to_address(self, address):
        return self.filter(to__iexact=address)


class MessageBody(models.Model):
    """A message text that many recipients share (one version of a newsletter issue):
    stored once, with a placeholder for each recipient's own links, which the message's
    ``merge`` fills in when it is sent. 100,000 copies of the same 20 kB would otherwise
    fill the database with two gigabytes per issue."""

    digest = models.CharField(_("digest"), max_length=64, unique=True)
    body_text = models.TextField(_("plain text"), blank=True)
    body_html = models.TextField(_("HTML"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("shared message text")
        verbose_name_plural = _("shared message texts")

    def __str__(self):
        return self.digest[:12]


class OutgoingEmail(models.Model):
    to = models.EmailField(_("recipient"), db_index=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    # Which template wrote it (e.g. "submission_verify"), for staff and privacy exports.
    purpose = models.CharField(_("purpose"), max_length=60)
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("plain text"))
    body_html = models.TextField(_("HTML"))
    # Text files sent with the message, e.g. an event's calendar file:
    # [{"filename": …, "content": …, "mimetype": …}]. Never personal data of others.
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    # The live secrets in the message (links that open a draft, an invitation, a password
    # reset…): kept only until the message is sent or given up, then masked in the stored
    # copy (services.email_deliver), and never shown in the admin.
    secrets = models.JSONField(_("secrets"), default=list, blank=True, editable=False)
    # A shared text (bulk mail) instead of body_text and body_html, with this message's
    # own values for its placeholders: {"placeholder": "value"}.
    shared_body = models.ForeignKey(
        MessageBody,
        verbose_name=_("shared text"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    merge = models.JSONField(_("own values"), default=dict, blank=True)
    # Extra headers, e.g. List-Unsubscribe (RFC 8058) on the newsletter.
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    # The envelope sender (Return-Path) when not DEFAULT_FROM_EMAIL's address: the
    # newsletter's per-subscriber bounce address (VERP).
    envelope_from = models.CharField(_("return path"), max_length=254, blank=True)
    # Bulk mail is not sent by a task per message but in rate-limited batches
    # (email_claim, email_deliver_claimed), so that a newsletter can be paused.
    bulk = models.BooleanField(_("bulk"), default=False)
    claimed_at = models.DateTimeField(_("taken for sending"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=EmailStatus.choices, default=EmailStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["bulk", "claimed_at"]),
        ]

    def __str__(self):
        return f"{self.to}: {self.subject}"

    def text(self):
        return self._merged(self.shared_body.body_text) if self.shared_body else self.body_text

    def html(self):
        return self._merged(self.shared_body.body_html) if self.shared_body else self.body_html

    def _merged(self, text):
        for placeholder, value in self.merge.items():
            text = text.replace(placeholder, value)
        return text

    def masked(self, text):
        """``text`` with this message's live secrets replaced by a mark."""
        for secret in sorted(self.secrets, key=len, reverse=True):
            if secret:
                text = text.replace(secret, SECRET_MASK)
        return text


SECRET_MASK = "[…]"
