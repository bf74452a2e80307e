"""Feedback from the public: on accessibility (the feedback channel the Act on the
Provision of Digital Services 306/2019 requires), content, data protection or anything
else. Staff mark each message handled; feedback_prune deletes old ones."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.models import LoggedModel

MESSAGE_MAX_LENGTH = 5000
PAGE_MAX_LENGTH = 500


class Topic(models.TextChoices):
    ACCESSIBILITY = "accessibility", _("Accessibility")
    CONTENT = "content", _("Content of the service")
    PRIVACY = "privacy", _("Data protection")
    OTHER = "other", _("Something else")


class FeedbackQuerySet(models.QuerySet):
    def unhandled(self):
        return self.filter(handled_at=None)

    def handled(self):
        return self.exclude(handled_at=None)

    def from_address(self, address):
        return self.filter(email__iexact=address)


class Feedback(LoggedModel):
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    # Optional, only for a reply: personal data, covered by privacy.py.
    email = models.EmailField(_("email for a reply"), blank=True)
    page = models.CharField(_("page address"), max_length=PAGE_MAX_LENGTH, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d} {self.get_topic_display()}"

    @property
    def is_handled(self):
        return self.handled_at is not None
