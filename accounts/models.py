"""People who sign in: programme staff and (later) organisation editors.

A custom user model from the start because changing it later is painful; people
sign in with their email address and receive email in their own language.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from audit.models import LoggedModel


class EmailUserManager(UserManager):
    def _create_user(self, username, email, password, **extra_fields):
        email = self.normalize_email(email or username)
        user = self.model(email=email, username=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(None, email, password, **extra_fields)

    def moderation_recipients(self):
        """Active staff who asked to hear of deeds waiting for moderation (and so of
        feedback from the public: one team reads what the public sends)."""
        return self.filter(is_active=True, is_staff=True, notify_moderation=True)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(None, email, password, **extra_fields)


class User(LoggedModel, AbstractUser):
    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="fi",
        help_text=_("Emails to this person are written in this language."),
    )

    notify_moderation = models.BooleanField(
        _("email me about deeds waiting for moderation"),
        default=True,
        help_text=_("Only for staff members."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def save(self, *args, **kwargs):
        # The username column is kept (Django's admin expects it) but always mirrors
        # the email address, so there is one identifier to remember.
        self.username = self.email
        super().save(*args, **kwargs)
