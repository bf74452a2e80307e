"""The newsletter: subscribers, issues and who was sent what.

A ``Subscriber`` chose the whole newsletter, new deeds in some sectors, themes or
regions, or both. Nothing but the confirmation is sent until they open its link
(double opt-in). Someone who leaves keeps no address here: the row stays with its dates
for the figures, and a keyed hash of the address so that an import of an old list does
not subscribe them again (services.subscriber_unsubscribe).

An ``Issue`` is composed from blocks (compose.py) and sent in the background
(sending.py): a ``Delivery`` per subscriber, unique per issue, is what makes a restart
in the middle carry on without sending anyone the issue twice.
"""

import secrets

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from audit.models import LoggedModel
from core.i18n import language_order, localized
from deeds.models import Deed
from emails.models import OutgoingEmail
from organisations.models import Region
from recognition.models import Campaign
from taxonomy.models import Sector, Theme


def address_hash(address):
    """The keyed hash kept of an address that left (never the address itself)."""
    key = address.strip().lower()
    return salted_hmac("newsletter.left", key, algorithm="sha256").hexdigest()[:40]


def new_token():
    return secrets.token_hex(16)


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Subscribed")
    LEFT = "left", _("Unsubscribed")
    # Too many bounces (bounces.py): kept with the reason, sent nothing.
    SET_ASIDE = "set_aside", _("Set aside after bounces")


class SubscriberSource(models.TextChoices):
    FORM = "form", _("the newsletter page")
    FOOTER = "footer", _("the form at the foot of the pages")
    IMPORT = "import", _("imported")


class SubscriberQuerySet(models.QuerySet):
    def for_address(self, address):
        return self.annotate(email_lower=Lower("email")).filter(email_lower=address.strip().lower())

    def confirmed(self):
        return self.filter(status=SubscriberStatus.CONFIRMED)

    def subscribed_on(self, moment):
        """Subscribers confirmed by ``moment`` who had not left by then."""
        return self.filter(confirmed_at__lte=moment).filter(Q(left_at=None) | Q(left_at__gt=moment))


class Subscriber(LoggedModel):
    email = models.EmailField(_("email address"), blank=True)
    left_hash = models.CharField(_("hash of the address that left"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
    )
    wants_newsletter = models.BooleanField(_("the whole newsletter"), default=True)
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("new deeds in sectors"), blank=True, related_name="+"
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("new deeds in themes"), blank=True, related_name="+"
    )
    regions = models.ManyToManyField(
        Region, verbose_name=_("new deeds in regions"), blank=True, related_name="+"
    )
    source = models.CharField(
        _("subscribed through"),
        max_length=10,
        choices=SubscriberSource.choices,
        default=SubscriberSource.FORM,
    )
    # The privacy notice's version agreed to on the form, or for an imported address
    # where its consent was given ("2019 seminar registration form").
    consent = models.CharField(_("consent"), max_length=200)
    created_at = models.DateTimeField(_("subscribed"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    left_at = models.DateTimeField(_("left"), null=True, blank=True)
    link_salt = models.CharField(max_length=32, default=new_token, editable=False)
    # The per-subscriber part of the bounce address (VERP): bounces+<token>@…
    bounce_token = models.CharField(max_length=32, default=new_token, unique=True, editable=False)
    bounce_score = models.FloatField(_("bounce score"), default=0)
    last_bounce_on = models.DateField(_("last bounce"), null=True, blank=True)
    set_aside_reason = models.CharField(_("why set aside"), max_length=300, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at", "-id"]
        constraints = [
            # One row per address: a second subscription finds the first one.
            models.UniqueConstraint(
                Lower("email"), condition=~Q(email=""), name="subscriber_once_per_address"
            ),
        ]
        indexes = [
            # Finding an address (subscribing, erasure) at 100 times today's list.
            models.Index(Lower("email"), name="subscriber_email_lower"),
            models.Index(fields=["status", "confirmed_at"]),
            models.Index(fields=["left_hash"]),
        ]

    def __str__(self):
        return self.email or f"#{self.pk}"

    @property
    def is_active(self):
        return self.status == SubscriberStatus.CONFIRMED

    def topic_count(self):
        return self.sectors.count() + self.themes.count() + self.regions.count()


class IssueStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    SENDING = "sending", _("Being sent")
    PAUSED = "paused", _("Paused")
    SENT = "sent", _("Sent")


class IssueQuerySet(models.QuerySet):
    def sent(self):
        return self.filter(status=IssueStatus.SENT)

    def in_year(self, year):
        return self.filter(sent_at__year=year)

    def due(self, now=None):
        return self.filter(status=IssueStatus.SCHEDULED, scheduled_at__lte=now or timezone.now())


class Issue(LoggedModel):
    # The issue's key in the links it carries (utm_campaign) and its archive address; the
    # visitor analytics counts only keys of this shape (analytics.models).
    key = models.SlugField(
        _("key"),
        max_length=40,
        unique=True,
        validators=[
            RegexValidator(
                r"^[a-z0-9][a-z0-9-]{0,39}$",
                _("Use small letters a–z, digits and hyphens, starting with a letter or digit."),
            )
        ],
    )
    subject_fi = models.CharField(_("subject in Finnish"), max_length=200)
    subject_sv = models.CharField(_("subject in Swedish"), max_length=200, blank=True)
    subject_en = models.CharField(_("subject in English"), max_length=200, blank=True)
    intro_fi = models.TextField(_("introduction in Finnish"), blank=True)
    intro_sv = models.TextField(_("introduction in Swedish"), blank=True)
    intro_en = models.TextField(_("introduction in English"), blank=True)
    closing_fi = models.TextField(_("closing words in Finnish"), blank=True)
    closing_sv = models.TextField(_("closing words in Swedish"), blank=True)
    closing_en = models.TextField(_("closing words in English"), blank=True)
    highlights = models.ManyToManyField(
        Deed, verbose_name=_("highlighted deeds"), blank=True, related_name="+"
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    show_events = models.BooleanField(_("upcoming events"), default=True)
    show_new_deeds = models.BooleanField(_("new deeds by topic"), default=True)
    # New deeds are those published from this moment on: by default when the last
    # issue was sent.
    deeds_since = models.DateTimeField(_("new deeds published since"))
    status = models.CharField(
        _("status"), max_length=10, choices=IssueStatus.choices, default=IssueStatus.DRAFT
    )
    scheduled_at = models.DateTimeField(_("to be sent at"), null=True, blank=True)
    started_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # Writing the deliveries goes by subscriber id in batches; this is the last id
    # written, so that a restart carries on from there.
    queued_up_to = models.BigIntegerField(default=0, editable=False)
    queue_complete = models.BooleanField(default=False, editable=False)
    # The archive's page of the issue, per language, written when sending starts, so it
    # shows what was sent even after the campaign's figures or the events moved on.
    web_versions = models.JSONField(_("web version"), default=dict, blank=True, editable=False)
    # Kept when the deliveries are pruned (privacy.py), for the figures.
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    sent_count = models.PositiveIntegerField(_("sent"), default=0)
    failed_count = models.PositiveIntegerField(_("failed"), default=0)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = IssueQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.subject_fi

    def subject(self, language=None):
        return localized(self, "subject", language)

    def get_absolute_url(self):
        return reverse("newsletter:archive_issue", kwargs={"key": self.key})

    def web_version(self, language=None):
        """(html, its language): the archive's text in ``language``, else fi → sv → en."""
        for code in language_order(language):
            if self.web_versions.get(code):
                return self.web_versions[code], code
        return "", ""

    @property
    def is_editable(self):
        return self.status in (IssueStatus.DRAFT, IssueStatus.SCHEDULED)


class NewsItem(models.Model):
    issue = models.ForeignKey(
        Issue, verbose_name=_("issue"), on_delete=models.CASCADE, related_name="news"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title_fi = models.CharField(_("title in Finnish"), max_length=200)
    title_sv = models.CharField(_("title in Swedish"), max_length=200, blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    text_fi = models.TextField(_("text in Finnish"), blank=True)
    text_sv = models.TextField(_("text in Swedish"), blank=True)
    text_en = models.TextField(_("text in English"), blank=True)
    url = models.URLField(_("link"), blank=True)

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        ordering = ["issue", "position", "id"]

    def __str__(self):
        return self.title_fi


class DeliveryQuerySet(models.QuerySet):
    def with_status(self, status):
        return self.filter(email__status=status)


class Delivery(models.Model):
    """One subscriber's copy of one issue. Deleted NEWSLETTER_DELIVERY_DAYS after the
    issue was sent (the issue keeps its counts)."""

    issue = models.ForeignKey(
        Issue, verbose_name=_("issue"), on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    email = models.OneToOneField(
        OutgoingEmail,
        verbose_name=_("message"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="issue_sent_once")
        ]


class BounceKind(models.TextChoices):
    HARD = "hard", _("permanent")
    SOFT = "soft", _("temporary")


class Bounce(models.Model):
    """A bounce received for a subscriber (bounces.py), kept for staff to see why an
    address was set aside."""

    subscriber = models.ForeignKey(
        Subscriber, verbose_name=_("subscriber"), on_delete=models.CASCADE, related_name="bounces"
    )
    kind = models.CharField(_("kind"), max_length=4, choices=BounceKind.choices)
    status_code = models.CharField(_("status code"), max_length=12, blank=True)
    diagnostic = models.CharField(_("reason given"), max_length=300, blank=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    # The bounce message's own id: the same bounce read twice counts once.
    message_id = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("bounce")
        verbose_name_plural = _("bounces")
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "message_id"],
                condition=~Q(message_id=""),
                name="bounce_counted_once",
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.status_code}"
