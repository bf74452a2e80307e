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
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Gave up")


class OutgoingEmailQuerySet(models.QuerySet):
    def due(self, now=None):
        return self.filter(status=EmailStatus.PENDING, next_attempt_at__lte=now or timezone.now())

    def to_address(self, address):
        return self.filter(to__iexact=address)


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
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.to}: {self.subject}"

    def masked(self, text):
        """``text`` with this message's live secrets replaced by a mark."""
        for secret in sorted(self.secrets, key=len, reverse=True):
            if secret:
                text = text.replace(secret, SECRET_MASK)
        return text


SECRET_MASK = "[…]"
