"""A generic audit log: who did what to which object, when and why.

Modelled on pretix's ``LoggedModel.log_action``: any model that mixes in
``LoggedModel`` can record an entry. Entries are append-only; secrets in the
recorded data are masked before they are stored.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

SECRET_KEYS = ("password", "token", "secret", "key")
MASK = "********"


def mask_secrets(data):
    """Replace the values of secret-looking keys, recursively."""
    if isinstance(data, dict):
        return {
            key: MASK if any(s in str(key).lower() for s in SECRET_KEYS) else mask_secrets(value)
            for key, value in data.items()
        }
    if isinstance(data, list | tuple):
        return [mask_secrets(item) for item in data]
    return data


class AuditEntryQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
        )


class AuditEntry(models.Model):
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept even when the account is deleted, and used for actors without an account
    # (the system, a command, a submitter identified by a secret link).
    actor_label = models.CharField(_("actor description"), max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=100, db_index=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField(_("object id"))
    target = GenericForeignKey("content_type", "object_id")
    data = models.JSONField(_("details"), default=dict, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"


class LoggedModel(models.Model):
    class Meta:
        abstract = True

    def log_action(self, action, *, actor=None, data=None, reason="", actor_label=""):
        if actor is not None and not getattr(actor, "is_authenticated", False):
            actor = None
        label = actor_label or (actor.get_username() if actor is not None else "system")
        return AuditEntry.objects.create(
            actor=actor,
            actor_label=label[:200],
            action=action,
            content_type=ContentType.objects.get_for_model(type(self)),
            object_id=self.pk,
            data=mask_secrets(data or {}),
            reason=reason,
        )

    def audit_entries(self):
        return AuditEntry.objects.for_object(self)
