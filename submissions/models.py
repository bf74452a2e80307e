"""What people send in through the "share a deed" form, until staff publish it.

A submission keeps exactly what the person typed (``data``, the raw form values),
valid or not, so nothing is ever lost; it becomes a Deed only when staff publish
it. An edit to a published deed is a new submission pointing at that deed, while
the published version stays live (see services.submission_publish).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.models import LoggedModel
from coaching.models import Application as CoachingApplication
from core.tokens import link_token, object_by_token
from deeds.models import Deed
from events.models import Event
from organisations.models import Municipality, Organisation, OrganisationType

from .storage import private, random_name


def new_secret():
    return secrets.token_urlsafe(32)


LINK_PURPOSE = "submission-link"


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    UNVERIFIED = "unverified", _("Waiting for email confirmation")
    IN_REVIEW = "in_review", _("In moderation")
    RETURNED = "returned", _("Returned to the submitter")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


class SubmissionQuerySet(models.QuerySet):
    def in_review(self):
        return self.filter(status=SubmissionStatus.IN_REVIEW)

    def seen_by_editor(self, user):
        """Submissions of the organisations ``user`` edits, once sent; an unsent draft
        is private to the person writing it."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation__editorships__user=user).filter(
            ~models.Q(status=SubmissionStatus.DRAFT) | models.Q(created_by=user)
        )

    def open_revisions(self):
        """Edits of published deeds still in progress (at most one per deed)."""
        return self.filter(is_revision=True).exclude(
            status__in=[SubmissionStatus.PUBLISHED, SubmissionStatus.REJECTED]
        )

    def by_link_token(self, token):
        return object_by_token(self, LINK_PURPOSE, token, lambda s: s.link_salt)

    def oldest_first(self):
        return self.order_by(F("submitted_at").asc(nulls_last=True), "id")


EDITABLE = {SubmissionStatus.DRAFT, SubmissionStatus.UNVERIFIED, SubmissionStatus.RETURNED}


class Submission(LoggedModel):
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.DRAFT,
        db_index=True,
    )
    # The deed this becomes (set on publishing), or the published deed it edits.
    deed = models.ForeignKey(
        Deed,
        verbose_name=_("deed"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    is_revision = models.BooleanField(_("edit of a published deed"), default=False)
    # The registry organisation the form names (kept in step on every save): its
    # editors see the submission, and the moderation queue shows it.
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    # The workshop the deed was developed at, when the submitter came through the
    # workshop's thank-you link (events.mailings.share_link); moderators see it.
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    # The coaching the deed came out of, when the submitter came through the closing
    # email's share link (coaching.sharing.share_url); moderators see it, and
    # publishing records the deed on the coaching.
    coaching = models.ForeignKey(
        CoachingApplication,
        verbose_name=_("coaching"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    data = models.JSONField(_("form contents"), default=dict, blank=True)
    email = models.EmailField(_("submitter's email"), blank=True, db_index=True)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="fi"
    )
    email_verified = models.EmailField(_("confirmed email"), blank=True)
    # The browser's key to its draft (a hidden field; one per form, which also makes
    # a double-clicked first save create one submission) and the emailed secret link.
    form_key = models.CharField(max_length=64, unique=True, default=new_secret)
    link_salt = models.CharField(max_length=64, default=new_secret)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("message to the submitter"), blank=True)
    # The content licence the submitter agreed to: the exact wording they were shown,
    # in the language they were shown it, and the version of that wording.
    licence_text = models.TextField(_("licence agreement text"), blank=True)
    licence_version = models.CharField(_("licence agreement version"), max_length=40, blank=True)
    licence_agreed_at = models.DateTimeField(_("licence agreed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("sent"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title or str(_("(untitled)"))

    @property
    def title(self):
        return str(self.data.get("title", "")).strip()[:200]

    @property
    def organisation_label(self):
        return str(
            self.data.get("organisation_name") or self.data.get("new_organisation_name") or ""
        )

    @property
    def is_editable(self):
        return self.status in EDITABLE

    @property
    def email_is_verified(self):
        return bool(self.email) and self.email.lower() == self.email_verified.lower()

    @property
    def link_token(self):
        return link_token(LINK_PURPOSE, self, self.link_salt)

    def get_secret_url(self):
        from django.urls import reverse

        return reverse("submissions:follow", kwargs={"token": self.link_token})

    def renew_link(self):
        self.link_salt = new_secret()


def submission_file_path(instance, filename):
    return random_name("submissions", filename)


class FileKind(models.TextChoices):
    IMAGE = "image", _("Image")
    ATTACHMENT = "attachment", _("PDF attachment")


class SubmissionFile(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("kind"), max_length=12, choices=FileKind.choices)
    # In the private storage (storage.py); empty for a file of a published deed that
    # an edit carries over, which only has its public copy.
    file = models.FileField(
        _("file"), upload_to=submission_file_path, storage=private, max_length=300, blank=True
    )
    # The copy in the public storage (MEDIA_ROOT) that the deed shows, once published.
    published_name = models.CharField(_("published copy"), max_length=300, blank=True)
    original_name = models.CharField(_("original file name"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    # WCAG 2.1 SC 1.1.1: the submitter describes each image for those who cannot see it.
    alt_text = models.CharField(_("text alternative"), max_length=300, blank=True)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("uploaded file")
        verbose_name_plural = _("uploaded files")
        ordering = ["kind", "position", "id"]

    def __str__(self):
        return self.original_name


class OrganisationRequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for staff")
    CONFIRMED = "confirmed", _("Added to the registry")
    MERGED = "merged", _("Merged into an existing organisation")


class OrganisationRequest(LoggedModel):
    """ "My organisation is not listed": a name staff confirm or merge."""

    submission = models.OneToOneField(
        Submission, on_delete=models.CASCADE, related_name="organisation_request"
    )
    name = models.CharField(_("name"), max_length=200)
    type = models.CharField(_("type"), max_length=20, choices=OrganisationType.choices, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("home municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=OrganisationRequestStatus.choices,
        default=OrganisationRequestStatus.PENDING,
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("new organisation request")
        verbose_name_plural = _("new organisation requests")
        ordering = ["-created_at"]

    def __str__(self):
        return self.name


class BlockedAttempt(models.Model):
    """How many form posts the spam checks stopped, per day and reason (no personal data)."""

    day = models.DateField(_("day"))
    reason = models.CharField(_("reason"), max_length=30)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("blocked attempt")
        verbose_name_plural = _("blocked attempts")
        ordering = ["-day", "reason"]
        constraints = [models.UniqueConstraint(fields=["day", "reason"], name="one_row_per_day")]

    def __str__(self):
        return f"{self.day} {self.reason}: {self.count}"
