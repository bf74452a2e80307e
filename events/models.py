"""Events (workshops, webinars, the gala, network meetings) and their registrations.

Every figure the programme reports — registrants, attendees, organisations, the share
of employees, the waiting list's peak, cancellations — is counted from these rows.
Anonymising a registration after the event (events/privacy.py) blanks the person and
keeps what the counts need: the organisation, the role category, the day, the status
and the attendance.

State changes go through events/services.py; nothing else sets a status.
"""

from django.conf import settings
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from audit.models import LoggedModel
from core.i18n import LocalizedNameMixin, localized
from core.slugs import unique_slug
from deeds.models import Deed
from organisations.models import Municipality, Organisation, Region
from taxonomy.models import Sector, Theme

from . import clock


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    WEBINAR = "webinar", _("Webinar")
    GALA = "gala", _("Gala")
    NETWORK = "network", _("Network meeting")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class EventLanguage(models.TextChoices):
    FI = "fi", _("Finnish")
    SV = "sv", _("Swedish")
    EN = "en", _("English")
    FI_SV = "fi-sv", _("Finnish and Swedish")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Registered")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


ACTIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


class Role(models.TextChoices):
    """The role categories the programme reports; the share of employees is its key
    figure (the programme exists for the employees' own development work)."""

    EMPLOYEE = "employee", _("Employee")
    SUPERVISOR = "supervisor", _("Supervisor")
    MANAGEMENT = "management", _("Management")
    STAFF_REPRESENTATIVE = "representative", _("Staff representative")
    OTHER = "other", _("Other")


class Series(LocalizedNameMixin, LoggedModel):
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    slug = models.SlugField(_("address name"), max_length=80, unique=True, blank=True)
    description_fi = models.TextField(_("description in Finnish"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    partner = models.CharField(
        _("partner"), max_length=200, blank=True, help_text=_("Who the series is made with.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = _("event series")
        ordering = ["name_fi"]

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name_fi)
        super().save(*args, **kwargs)

    @property
    def description(self):
        return localized(self, "description")


def _counted(condition):
    rows = (
        Registration.objects.filter(condition, event=OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=models.IntegerField()), 0)


class EventQuerySet(models.QuerySet):
    def public(self):
        """Events anyone may see: published, or cancelled after publication (their page
        says so rather than disappearing)."""
        return self.filter(status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED])

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or clock.now())

    def past(self, now=None):
        return self.filter(ends_at__lt=now or clock.now())

    def in_year(self, year):
        return self.filter(starts_at__year=year)

    def with_counts(self):
        """Confirmed, waitlisted and attended (confirmed and present, as in figures.py)
        registrations per event. Correlated subqueries rather than one GROUP BY: they
        are computed only for the rows a page takes, and keep the queryset's ordering
        (a GROUP BY over 1,000 events and 100,000 registrations took 250 ms)."""
        return self.annotate(
            confirmed_count=_counted(Q(status=RegistrationStatus.CONFIRMED)),
            waitlisted_count=_counted(Q(status=RegistrationStatus.WAITLISTED)),
            attended_count=_counted(Q(status=RegistrationStatus.CONFIRMED, attended=True)),
        )

    def due_for_reminder(self, now=None):
        now = now or clock.now()
        return self.filter(
            status=EventStatus.PUBLISHED,
            reminder_sent_at__isnull=True,
            starts_at__gt=now,
            starts_at__lte=now + settings.EVENT_REMINDER_BEFORE,
        )

    def due_for_follow_up(self, now=None):
        now = now or clock.now()
        return self.filter(
            status=EventStatus.PUBLISHED, follow_up_sent_at__isnull=True, ends_at__lte=now
        )


class Event(LoggedModel):
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    series = models.ForeignKey(
        Series,
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.DRAFT,
        db_index=True,
        editable=False,
    )
    title_fi = models.CharField(_("title in Finnish"), max_length=200)
    title_sv = models.CharField(_("title in Swedish"), max_length=200, blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    slug = models.SlugField(_("address name"), max_length=80, blank=True, editable=False)
    summary_fi = models.TextField(_("summary in Finnish"), max_length=800)
    summary_sv = models.TextField(_("summary in Swedish"), max_length=800, blank=True)
    summary_en = models.TextField(_("summary in English"), max_length=800, blank=True)
    programme_fi = models.TextField(_("programme in Finnish"), blank=True)
    programme_sv = models.TextField(_("programme in Swedish"), blank=True)
    programme_en = models.TextField(_("programme in English"), blank=True)
    speakers = models.TextField(
        _("speakers"), blank=True, help_text=_("One speaker per line: name, title, organisation.")
    )
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"), db_index=True)
    language = models.CharField(
        _("language"), max_length=5, choices=EventLanguage.choices, default=EventLanguage.FI
    )

    online = models.BooleanField(_("online"), default=False)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("street address"), max_length=300, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    # From the municipality; stored because the list filters on it.
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        editable=False,
    )
    stream_url = models.URLField(
        _("stream link"),
        blank=True,
        help_text=_("Sent to registrants; shown on the page only if made public."),
    )
    stream_public = models.BooleanField(_("stream link is public"), default=False)
    accessibility_fi = models.TextField(_("accessibility in Finnish"), blank=True)
    accessibility_sv = models.TextField(_("accessibility in Swedish"), blank=True)
    accessibility_en = models.TextField(_("accessibility in English"), blank=True)

    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    # Staff may close registration early (events.services.event_close_registration).
    registration_closed = models.BooleanField(
        _("registration closed"), default=False, editable=False
    )
    # The highest number of people waiting at once: a figure the programme reports, and
    # one that cannot be counted back from the rows once people have been promoted.
    waitlist_peak = models.PositiveIntegerField(_("waiting list peak"), default=0, editable=False)

    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="+")
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("sectors"), blank=True, related_name="+"
    )
    deeds = models.ManyToManyField(
        Deed,
        verbose_name=_("deeds presented"),
        blank=True,
        related_name="events",
    )

    recording_url = models.URLField(_("recording"), blank=True, editable=False)
    recording_published_at = models.DateTimeField(
        _("recording published"), null=True, blank=True, editable=False
    )
    recording_captioned = models.BooleanField(
        _("recording is captioned"), default=False, editable=False
    )

    reminder_sent_at = models.DateTimeField(
        _("reminder sent"), null=True, blank=True, editable=False
    )
    follow_up_sent_at = models.DateTimeField(
        _("thank-you sent"), null=True, blank=True, editable=False
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=clock.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")), name="event_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.slug = slugify(self.title_fi)[:80].strip("-") or "tapahtuma"
        self.region_id = self.municipality.region_id if self.municipality_id else None
        super().save(*args, **kwargs)

    @property
    def title(self):
        return localized(self, "title")

    @property
    def summary(self):
        return localized(self, "summary")

    @property
    def programme(self):
        return localized(self, "programme")

    @property
    def accessibility(self):
        return localized(self, "accessibility")

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.pk, self.slug or "tapahtuma"])

    def get_ics_url(self):
        return reverse("events:ics", args=[self.pk])

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    def is_past(self, now=None):
        return self.ends_at < (now or clock.now())

    def registration_state(self, now=None):
        """Why registration is or is not possible now: "open", "not_yet", "closed",
        "past", "cancelled" or "draft"."""
        now = now or clock.now()
        if self.status == EventStatus.CANCELLED:
            return "cancelled"
        if self.status != EventStatus.PUBLISHED:
            return "draft"
        if self.ends_at < now:
            return "past"
        if self.registration_closed or (
            self.registration_closes_at and self.registration_closes_at <= now
        ):
            return "closed"
        if self.registration_opens_at and self.registration_opens_at > now:
            return "not_yet"
        return "open"

    def stream_visible_to_public(self):
        return bool(self.stream_url and self.stream_public)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE)

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=RegistrationStatus.WAITLISTED)

    def in_queue_order(self):
        """First come, first served: the waiting list's order."""
        return self.order_by("waitlisted_at", "pk")

    def for_address(self, address):
        return self.filter(email__iexact=address)

    def organisations_count(self):
        """Distinct organisations: listed ones by id, unlisted ones by their name as
        typed (case-insensitive), so two people from one unlisted workplace count once."""
        listed = self.exclude(organisation=None).values("organisation").distinct().count()
        unlisted = (
            self.filter(organisation=None)
            .exclude(organisation_name="")
            .annotate(key=Lower("organisation_name"))
            .values("key")
            .distinct()
            .count()
        )
        return listed + unlisted


class Registration(models.Model):
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, editable=False
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email address"), max_length=254)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="event_registrations",
    )
    # The name as typed when the organisation is not listed (not personal data: kept
    # after anonymisation, so the organisation still counts).
    organisation_name = models.CharField(_("organisation, not listed"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=1000, blank=True)
    diet = models.TextField(_("diet"), max_length=1000, blank=True)
    consent_version = models.CharField(_("privacy notice version"), max_length=40)
    # Only the salt of the secret link is stored (core/tokens.py); a new salt ends it.
    link_salt = models.CharField(max_length=32, editable=False)
    attended = models.BooleanField(_("attended"), null=True, blank=True, editable=False)
    waitlisted_at = models.DateTimeField(_("joined the waiting list"), null=True, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, editable=False)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, editable=False)
    cancelled_by_staff = models.BooleanField(default=False, editable=False)
    # Truncated to the day on anonymisation: per-day counts survive, the time does not.
    created_at = models.DateTimeField(_("registered"), default=clock.now, editable=False)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            # One active registration per address and event: a double-click, a repeated
            # post or two tabs register once (events.services.registration_create).
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=Q(status__in=["confirmed", "waitlisted"]) & ~Q(email=""),
                name="registration_once_per_address",
            )
        ]
        indexes = [
            models.Index(fields=["event", "status", "waitlisted_at"]),
            models.Index(Lower("email"), name="registration_email_lower"),
        ]

    def __str__(self):
        return f"{self.event_id}: {self.name or _('anonymised')}"

    @property
    def organisation_label(self):
        return self.organisation.name if self.organisation_id else self.organisation_name

    def waitlist_position(self):
        if self.status != RegistrationStatus.WAITLISTED:
            return None
        ahead = (
            Registration.objects.waitlisted()
            .filter(event_id=self.event_id)
            .filter(
                Q(waitlisted_at__lt=self.waitlisted_at)
                | Q(waitlisted_at=self.waitlisted_at, pk__lt=self.pk)
            )
            .count()
        )
        return ahead + 1


class Message(LoggedModel):
    """A message staff sent to an event's registrants: kept for the event's history.
    Its text names no registrant; the copies in the outbox go with the outbox's own
    retention."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="messages"
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"), max_length=5000)
    include_waitlist = models.BooleanField(_("also to the waiting list"), default=False)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("message to registrants")
        verbose_name_plural = _("messages to registrants")
        ordering = ["-sent_at"]
