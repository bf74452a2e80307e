"""Organisation editors: people who look after their own organisation's deeds.

Staff invite an editor by email (``Invitation``); accepting it creates the account
if needed and one ``Editorship`` per organisation. What an editor may see and
change follows from their editorships alone (``Deed.objects.edited_by`` and
``Submission.objects.seen_by_editor``).
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.models import LoggedModel
from core.tokens import link_token, object_by_token
from organisations.models import Organisation

INVITATION_PURPOSE = "editor-invitation"


def new_salt():
    return secrets.token_urlsafe(24)


class Editorship(LoggedModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="editorships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="editorships",
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("editorship")
        verbose_name_plural = _("editorships")
        ordering = ["organisation__sort_key", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_editorship_each")
        ]

    def __str__(self):
        return f"{self.user.email} – {self.organisation}"


def invitation_expiry():
    return timezone.now() + timedelta(days=settings.EDITOR_INVITATION_DAYS)


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at=None, cancelled_at=None, expires_at__gt=timezone.now())

    def by_token(self, token):
        return object_by_token(self, INVITATION_PURPOSE, token, lambda i: i.salt)


class Invitation(LoggedModel):
    email = models.EmailField(_("email"), db_index=True)
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisations"), related_name="+"
    )
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="fi"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    salt = models.CharField(max_length=64, default=new_salt)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("valid until"), default=invitation_expiry)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("editor invitation")
        verbose_name_plural = _("editor invitations")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.email

    @property
    def is_pending(self):
        return (
            self.accepted_at is None
            and self.cancelled_at is None
            and self.expires_at > timezone.now()
        )

    @property
    def token(self):
        return link_token(INVITATION_PURPOSE, self, self.salt)
